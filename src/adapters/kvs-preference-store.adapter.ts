import kvs from '@forge/kvs';
import type { PreferenceStore } from '../application/ports/stores';
import {
  DEFAULT_PREFERENCES,
  personalPreferencesSchema,
  type PersonalPreferences,
} from '../domain/preferences';
import { KEY, safeKeyPart } from './kvs-keys';

interface StoredPreferences {
  schemaVersion: 1;
  preferences: PersonalPreferences;
}

/**
 * One value per person. Fields added to the schema later take their defaults when an older
 * value is read; a value that no longer parses counts as never saved.
 */
export const kvsPreferenceStore: PreferenceStore = {
  get: async (accountId) => {
    const stored = await kvs.get<StoredPreferences>(KEY.preferences(safeKeyPart(accountId)));
    if (!stored) return null;
    const parsed = personalPreferencesSchema.safeParse({ ...DEFAULT_PREFERENCES, ...stored.preferences });
    return parsed.success ? parsed.data : null;
  },
  put: (accountId, preferences) =>
    kvs.set<StoredPreferences>(KEY.preferences(safeKeyPart(accountId)), { schemaVersion: 1, preferences }),
};
