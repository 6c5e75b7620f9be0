import { person } from '../../dev/seed';
import type { ViewableContent } from '../../src/application/ports/confluence';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/** The delivery log's view check (invariant 3): which content a person can view, asked as them. */
describe('viewableTitlesAs against the Confluence simulator (CQL search as the user)', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  const ids = (titles: string[]) => titles.map((t) => h.confluence.findContent(t).id);
  // As the log's reader calls it: in their own resolver invocation, so as asUser() without impersonation.
  const viewable = (key: 'rex' | 'mia', contentIds: string[]) =>
    h.valueAs<ViewableContent[]>(
      person(key).accountId,
      'permissions',
      'viewableTitlesAs',
      person(key).accountId,
      contentIds,
    );
  const byId = (list: ViewableContent[]) => Object.fromEntries(list.map((c) => [c.id, c.title]));

  it('answers only the content the person can view, with its title', async () => {
    const [plan, review, timeline] = ids([
      'Release plan 2027',
      'Security incident review',
      'Incident timeline',
    ]);
    const asked = [plan, review, timeline];
    expect(byId(await viewable('rex', asked))).toEqual({ [plan]: 'Release plan 2027' });
    expect(byId(await viewable('mia', asked))).toEqual({
      [plan]: 'Release plan 2027',
      [review]: 'Security incident review',
      [timeline]: 'Incident timeline',
    });
  });

  it('finds content past the first 25 ids asked, and ignores ids that are not content ids', async () => {
    const [plan] = ids(['Release plan 2027']);
    const unknown = Array.from({ length: 30 }, (_, i) => String(990_000 + i));
    const answer = await viewable('rex', [...unknown, 'abc) OR (type = page', plan, plan]);
    expect(answer).toEqual([{ id: plan, title: 'Release plan 2027' }]);
  });

  it('answers nothing for no ids', async () => {
    expect(await viewable('rex', [])).toEqual([]);
  });
});
