import { DEFAULT_PREFERENCES, type PersonalPreferences } from '../../../domain/preferences';
import type { Caller } from '../../services/authority';
import type { PreferenceStore } from '../../ports/stores';

interface PreferencesDeps {
  preferences: PreferenceStore;
}

/**
 * The caller's own preferences. Neither function takes an accountId from the request: the
 * caller is the only person whose preferences can be read or written.
 */
export const getPreferences = async (deps: PreferencesDeps, caller: Caller): Promise<PersonalPreferences> =>
  (await deps.preferences.get(caller.accountId)) ?? DEFAULT_PREFERENCES;

export const savePreferences = async (
  deps: PreferencesDeps,
  caller: Caller,
  preferences: PersonalPreferences,
): Promise<PersonalPreferences> => {
  await deps.preferences.put(caller.accountId, preferences);
  return getPreferences(deps, caller);
};
