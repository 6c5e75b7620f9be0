import { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceRequestError, type ConfluencePeople } from '../application/ports/confluence';
import { asApp } from './confluence-client';

const STAND_IN = 'A Confluence user';

const userSchema = z.object({ displayName: z.string().optional(), publicName: z.string().optional() });

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
};
