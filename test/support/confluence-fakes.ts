/** Confluence as the application's ports see it, in memory. */
import type {
  AppView,
  ConfluencePeople,
  ConfluencePermissions,
  ContentReader,
  CqlSearch,
} from '../../src/application/ports/confluence';
import { aContentSummary } from './builders';

/** Every Confluence port at once: one simulated site answers them all. */
type ConfluenceSite = ConfluencePermissions & ContentReader & CqlSearch & ConfluencePeople & AppView;

/** The Confluence ports a use case's deps carry, each backed by the same fake site. */
export interface FakeConfluence {
  permissions: ConfluenceSite;
  content: ConfluenceSite;
  search: ConfluenceSite;
  people: ConfluenceSite;
  appView: ConfluenceSite;
}

/**
 * A Confluence site behind every Confluence port; spread it into a use case's deps. Unless
 * overridden, `viewableTitlesAs` answers what `getContentAs` does for each id, so a test that
 * hides content from someone hides it everywhere.
 */
export const fakeConfluence = (overrides: Partial<ConfluenceSite> = {}): FakeConfluence => {
  const reads = fakeConfluenceReads(overrides);
  const site: ConfluenceSite = {
    viewableTitlesAs: async (accountId, ids) => {
      const read = await Promise.all(ids.map((id) => reads.getContentAs(accountId, id)));
      return read.flatMap((c, i) => (c ? [{ id: ids[i] ?? '', title: c.title }] : []));
    },
    ...reads,
  };
  return { permissions: site, content: site, search: site, people: site, appView: site };
};

const fakeConfluenceReads = (
  overrides: Partial<ConfluenceSite>,
): Omit<ConfluenceSite, 'viewableTitlesAs'> & Partial<ConfluenceSite> => ({
  isSiteAdmin: async () => false,
  isSpaceAdmin: async () => false,
  canEditContent: async () => false,
  getContentAs: async (_account, id) => aContentSummary(id),
  displayNameOf: async (id) => `Name of ${id}`,
  emailOf: async () => null,
  getSpaceAs: async (_account, key) => ({ key, name: `Space ${key}` }),
  validateCql: async () => null,
  readContentFacts: async () => ({ labels: [], ancestorIds: [] }),
  readAppCommentMarker: async () => null,
  appAccountId: async () => 'app-account',
  matchesCqlAs: async () => true,
  getVersionBodyAs: async () => null,
  getCommentAs: async () => null,
  ...overrides,
});

/** Confluence as the app, recording what the trigger asked: only ever the app's own account. */
export const recordingAppView = (appAccount = 'app-account') => {
  const asked: string[] = [];
  return {
    /** What was asked of Confluence as the app, in order. */
    questionsAsked: () => [...asked],
    appAccountId: async () => {
      asked.push('app account');
      return appAccount;
    },
  };
};
