import {
  getPreferences,
  savePreferences,
} from '../../../../../src/application/use-cases/settings/preferences';
import { DEFAULT_PREFERENCES } from '../../../../../src/domain/preferences';
import { fakePreferenceStore } from '../../../../support/fakes';

describe('personal preferences', () => {
  it('gives the defaults to someone who never saved', async () => {
    expect(await getPreferences({ preferences: fakePreferenceStore() }, { accountId: 'mia' })).toEqual(
      DEFAULT_PREFERENCES,
    );
  });

  it("stores under the caller's own accountId and never touches anyone else's", async () => {
    const theirs = { ...DEFAULT_PREFERENCES, mentions: false };
    const store = fakePreferenceStore({ rex: theirs });
    const mine = { ...DEFAULT_PREFERENCES, dailyDigest: true };
    expect(await savePreferences({ preferences: store }, { accountId: 'mia' }, mine)).toEqual(mine);
    expect(store.preferencesOf('mia')).toEqual(mine);
    expect(store.preferencesOf('rex')).toEqual(theirs);
    expect(await getPreferences({ preferences: store }, { accountId: 'rex' })).toEqual(theirs);
  });
});
