import kvs from '@forge/kvs';
import { z } from 'zod';
import type { Conversation } from '../domain/conversation';
import { batchGetAll, batchSetAll } from './kvs-batch';
import { hashKeyPart, KEY } from './kvs-keys';

const conversationSchema = z.object({
  schemaVersion: z.literal(1),
  microsoftUser: z.string(),
  tenantId: z.string(),
  oid: z.string(),
  userId: z.string(),
  serviceUrl: z.string(),
  conversationId: z.string(),
  botId: z.string(),
  installed: z.boolean(),
  confirmedConnection: z.string().nullable(),
  welcomed: z.boolean(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Conversation>;

export const conversationKey = (microsoftUser: string) =>
  KEY.conversation(hashKeyPart(microsoftUser.toLowerCase()));

/** A stored value as a conversation; one that does not parse is none. */
export const conversationFrom = (value: unknown): Conversation | null => {
  const stored = conversationSchema.safeParse(value);
  return stored.success ? stored.data : null;
};

/**
 * Whether a person's bot chat is installed, copied under their Confluence account
 * (`app-added:<hash of accountId>`) so the personal audience reads it in the same batch as their
 * connection and preferences, instead of a second round by Microsoft user. The conversation stays
 * the truth; the copy names the Microsoft user it was copied for, so a copy from before a new
 * login is never taken for the new one.
 */
const appAddedSchema = z.object({
  schemaVersion: z.literal(1),
  microsoftUser: z.string(),
  installed: z.boolean(),
});

export const appAddedKey = (accountId: string): string => KEY.appAdded(hashKeyPart(accountId));

/**
 * What a copy says about this Microsoft user's chat; undefined when it says nothing about them
 * (none, another layout, or copied for the user the account was linked to before): read the chat.
 */
export const appAddedIn = (value: unknown, microsoftUser: string): boolean | undefined => {
  const copy = appAddedSchema.safeParse(value);
  return copy.success && copy.data.microsoftUser === microsoftUser.toLowerCase()
    ? copy.data.installed
    : undefined;
};

const copyOf = (microsoftUser: string, installed: boolean): z.infer<typeof appAddedSchema> => ({
  schemaVersion: 1,
  microsoftUser: microsoftUser.toLowerCase(),
  installed,
});

const writeAppAdded = (accountIds: readonly string[], microsoftUser: string, installed: boolean) =>
  Promise.all(
    accountIds.map((accountId) => kvs.set(appAddedKey(accountId), copyOf(microsoftUser, installed))),
  );

const installedNow = async (microsoftUser: string): Promise<boolean> =>
  conversationFrom(await kvs.get(conversationKey(microsoftUser)))?.installed ?? false;

/** Rounds before a copy that keeps changing under us is removed instead (then the chat is read). */
const SYNC_ROUNDS = 3;

/**
 * Makes the accounts' copies say what the chat says now: copy, read the chat again, copy again
 * until the two agree. Whoever writes last has read the chat after its copy, so a login and an
 * install (or an install and a removal) racing each other still end with the chat's value.
 * `written`: what the caller just stored in the chat, so it is not read back before the first copy.
 */
export const syncAppAdded = async (
  accountIds: readonly string[],
  microsoftUser: string,
  written?: boolean,
): Promise<void> => {
  if (accountIds.length === 0) return;
  let installed = written ?? (await installedNow(microsoftUser));
  for (let round = 0; round < SYNC_ROUNDS; round += 1) {
    await writeAppAdded(accountIds, microsoftUser, installed);
    const now = await installedNow(microsoftUser);
    if (now === installed) return;
    installed = now;
  }
  await Promise.all(accountIds.map((accountId) => kvs.delete(appAddedKey(accountId))));
};

/** What a reader saw: an account, the Microsoft user it is linked to, and that user's chat. */
export interface SeenChat {
  accountId: string;
  microsoftUser: string;
  installed: boolean;
}

/**
 * Stores the copies a reader found missing (people linked before copies existed), with the same
 * write-then-check as `syncAppAdded` in a few batch calls: copy what was read, read the chats
 * again, and sync one by one anyone whose chat changed meanwhile.
 */
export const repairAppAdded = async (seen: readonly SeenChat[]): Promise<void> => {
  if (seen.length === 0) return;
  await batchSetAll(
    seen.map((s) => ({ key: appAddedKey(s.accountId), value: copyOf(s.microsoftUser, s.installed) })),
    'copies of "added the app"',
  );
  const again = await batchGetAll(seen.map((s) => ({ key: conversationKey(s.microsoftUser) })));
  const moved = seen.filter(
    (s) =>
      (conversationFrom(again.valueOf({ key: conversationKey(s.microsoftUser) }))?.installed ?? false) !==
      s.installed,
  );
  await Promise.all(moved.map((s) => syncAppAdded([s.accountId], s.microsoftUser)));
};

/**
 * Before a chat is stored as installed, its accounts' copies say so: a write cut off halfway
 * then leaves a copy that errs towards sending (the delivery reads the chat itself and says why
 * a card could not reach someone), never one that silently drops their cards.
 */
export const claimAppAdded = (accountIds: readonly string[], microsoftUser: string): Promise<unknown> =>
  writeAppAdded(accountIds, microsoftUser, true);

export const deleteAppAdded = (accountId: string): Promise<void> => kvs.delete(appAddedKey(accountId));
