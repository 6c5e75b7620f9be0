import { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceRequestError, type ConfluencePeople } from '../application/ports/confluence';
import { asApp, asPerson } from './confluence-client';

const STAND_IN = 'A Confluence user';

const userSchema = z.object({ displayName: z.string().optional(), publicName: z.string().optional() });
const currentUserSchema = z.object({ accountId: z.string(), email: z.string().optional() });

/**
 * People by their public name, read as the app: a name on a card or in a log is not worth
 * failing for, so any answer without a name gives a neutral stand-in (no answer at all is an
 * error: the caller retries).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/#api-wiki-rest-api-user-get
 */
export const confluencePeople: ConfluencePeople = {
  displayNameOf: async (accountId) => {
    const user = await asApp()
      .read(route`/wiki/rest/api/user?accountId=${accountId}`, userSchema, 'a user')
      .catch((error: unknown) => {
        if (error instanceof ConfluenceRequestError && error.status !== null) return null;
        throw error;
      });
    return user?.displayName || user?.publicName || STAND_IN;
  },

  /**
   * As the caller: Confluence answers `email` only as far as the person's profile privacy allows,
   * otherwise an empty string (or no field at all).
   * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/#api-wiki-rest-api-user-current-get
   */
  emailOf: async (accountId) => {
    const user = await asPerson(accountId).read(
      route`/wiki/rest/api/user/current`,
      currentUserSchema,
      'the current user',
    );
    return user.accountId === accountId && user.email?.trim() ? user.email.trim() : null;
  },
};
