import type {
  CommentOutcome,
  CommentWriter,
  ContentFinder,
} from '../../src/application/ports/confluence-from-teams';
import type { CommentTarget } from '../../src/domain/comment-cards';
import type { FoundContent, FoundSpace } from '../../src/domain/found-content-cards';

/** Content in the fake site and who may view it (account ids). */
export type FakePage = FoundContent & { viewers: readonly string[] };

export const aFoundPage = (overrides: Partial<FakePage> = {}): FakePage => ({
  id: '101',
  type: 'page',
  title: 'Launch checklist',
  spaceName: 'Marketing',
  url: 'https://acme.atlassian.net/wiki/spaces/MKT/pages/101/Launch+checklist',
  excerpt: 'Everything before the launch',
  lastModified: '2026-11-20T10:00:00Z',
  viewers: ['mia', 'rex'],
  ...overrides,
});

const strip = ({ viewers: _viewers, ...found }: FakePage): FoundContent => found;

/** Search and previews over `pages`, honouring who may view what, and a record of each search. */
export const fakeContentFinder = (
  pages: readonly FakePage[] = [aFoundPage()],
  spaces: ReadonlyArray<FoundSpace & { viewers: readonly string[] }> = [],
): ContentFinder & { searches: Array<{ accountId: string; cql: string; start: number; limit: number }> } => {
  const searches: Array<{ accountId: string; cql: string; start: number; limit: number }> = [];
  return {
    searches,
    searchAs: async (accountId, cql, { start, limit }) => {
      searches.push({ accountId, cql, start, limit });
      return pages
        .filter((p) => p.viewers.includes(accountId))
        .slice(start, start + limit)
        .map(strip);
    },
    previewContentAs: async (accountId, contentId) => {
      const page = pages.find((p) => p.id === contentId && p.viewers.includes(accountId));
      return page ? strip(page) : null;
    },
    previewSpaceAs: async (accountId, spaceKey) => {
      const space = spaces.find((s) => s.key === spaceKey && s.viewers.includes(accountId));
      if (!space) return null;
      const { viewers: _viewers, ...found } = space;
      return found;
    },
  };
};

/** Comments posted as people; `refuse` says why Confluence would refuse one (null: it posts). */
export const fakeCommentWriter = (
  refuse: (accountId: string, target: CommentTarget) => string | null = () => null,
): CommentWriter & { posted: Array<{ accountId: string; target: CommentTarget; body: string }> } => {
  const posted: Array<{ accountId: string; target: CommentTarget; body: string }> = [];
  return {
    posted,
    commentAs: async (accountId, target, body): Promise<CommentOutcome> => {
      const reason = refuse(accountId, target);
      if (reason) return { kind: 'refused', reason };
      posted.push({ accountId, target, body });
      const id = String(900 + posted.length);
      const pageUrl = `https://acme.atlassian.net/wiki/spaces/MKT/pages/${target.contentId}/Page`;
      return {
        kind: 'posted',
        commentId: id,
        commentUrl: `${pageUrl}?focusedCommentId=${id}#comment-${id}`,
        pageUrl,
        title: 'Launch checklist',
      };
    },
  };
};
