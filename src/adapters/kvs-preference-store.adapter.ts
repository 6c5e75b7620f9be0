import kvs from '@forge/kvs';
import type { PreferenceStore } from '../application/ports/stores';
import {
  DEFAULT_PREFERENCES,
  personalPreferencesSchema,
  type PersonalPreferences,
} from '../domain/preferences';
import { hashKeyPart, KEY } from './kvs-keys';

export interface StoredPreferences {
  schemaVersion: 1;
  preferences: PersonalPreferences;
}

/**
 * Values saved before keys were hashed sit under the account id itself (Atlassian account ids
 * fit the key alphabet, so the old escape left them as they were). They are read until the
 * person saves again.
 */
export const LEGACY_ACCOUNT_ID = /^[a-zA-Z0-9:._-]{1,128}$/;

export const preferencesKey = (accountId: string): string => KEY.preferences(hashKeyPart(accountId));

/** A stored value as preferences: later fields take their defaults; one that no longer parses is none. */
export const preferencesFrom = (stored: StoredPreferences | undefined): PersonalPreferences | null => {
  if (!stored) return null;
  const parsed = personalPreferencesSchema.safeParse({ ...DEFAULT_PREFERENCES, ...stored.preferences });
  return parsed.success ? parsed.data : null;
};

const read = async (accountId: string): Promise<StoredPreferences | undefined> =>
  (await kvs.get<StoredPreferences>(preferencesKey(accountId))) ??
  (LEGACY_ACCOUNT_ID.test(accountId)
    ? await kvs.get<StoredPreferences>(KEY.preferences(accountId))
    : undefined);

/** The keys a person's preferences may sit under, for a batch read: the hashed one, then the old one. */
export const preferenceKeysOf = (accountId: string): string[] => [
  preferencesKey(accountId),
  ...(LEGACY_ACCOUNT_ID.test(accountId) ? [KEY.preferences(accountId)] : []),
];

/** A person's preferences from a batch read of `preferenceKeysOf` (the hashed key wins). */
export const preferencesIn = (
  accountId: string,
  valueOf: (key: string) => unknown,
): PersonalPreferences | null => {
  const stored = preferenceKeysOf(accountId)
    .map(valueOf)
    .find((value) => value !== undefined) as StoredPreferences | undefined;
  return preferencesFrom(stored);
};

/**
 * One value per person. Fields added to the schema later take their defaults when an older
 * value is read; a value that no longer parses counts as never saved.
 */
export const kvsPreferenceStore: PreferenceStore = {
  get: async (accountId) => preferencesFrom(await read(accountId)),
  put: (accountId, preferences) =>
    kvs.set<StoredPreferences>(preferencesKey(accountId), { schemaVersion: 1, preferences }),
};
