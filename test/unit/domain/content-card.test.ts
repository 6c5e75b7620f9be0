import { escapeCardMarkdown } from '../../../src/domain/card-markdown';
import { chatMessageWithCard } from '../../../src/adapters/graph-chat-message';
import { buildContentCard, type ContentCardInput } from '../../../src/domain/content-card';
import { summariseChange } from '../../../src/domain/text-diff';
import { adaptiveCardWarnings } from '../../support/adaptive-card-parser';

const input = (overrides: Partial<ContentCardInput> = {}): ContentCardInput => ({
  kind: 'page_updated',
  title: 'Release plan 2027',
  spaceName: 'Engineering',
  spaceKey: 'ENG',
  authorName: 'Mia Member',
  version: 4,
  versionMessage: '',
  pageUrl: 'https://example.atlassian.net/wiki/spaces/ENG/pages/65601',
  ruleOwnerName: 'Ada Admin',
  ...overrides,
});

describe('buildContentCard', () => {
  it('carries title, space, author, version and an Open button', () => {
    const card = buildContentCard(input());
    const text = JSON.stringify(card);
    for (const expected of [
      'Release plan 2027',
      // Issue 13, item 22: the space leads the breadcrumb; no Space row repeats it.
      '"Engineering"',
      'Updated by Mia Member',
      '"4"',
      'Ada Admin',
    ]) {
      expect(text).toContain(expected);
    }
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open in Confluence',
        url: 'https://example.atlassian.net/wiki/spaces/ENG/pages/65601',
      },
    ]);
  });

  it('parses with the adaptivecards parser without warnings', () => {
    expect(adaptiveCardWarnings(buildContentCard(input({ versionMessage: 'Fixed dates' })))).toEqual([]);
  });

  it('parses without warnings with every part present, and stays far below Teams’ 28 KB', () => {
    const long = 'x'.repeat(5000);
    const card = buildContentCard(
      input({
        title: long,
        versionMessage: long,
        breadcrumb: Array.from({ length: 30 }, (_, i) => `${long}${i}`),
        when: '2026-11-22T10:00:00.000Z',
        labels: Array.from({ length: 100 }, (_, i) => `label-${i}`),
        changes: summariseChange(long, `${long} ${long}`.split('').join(' ')),
        diffUrl: 'https://example.atlassian.net/wiki/pages/diffpagesbyversion.action?pageId=1',
        comment: { excerpt: 'A comment', authorName: 'Sam', inline: true },
        labelAdded: 'release',
        editCount: 3,
        note: long,
      }),
    );
    expect(adaptiveCardWarnings(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(chatMessageWithCard({ card, sendId: 'a1' })))).toBeLessThan(
      20_000,
    );
  });

  it('shows when in the reader’s time zone through Teams’ DATE and TIME functions', () => {
    const text = JSON.stringify(buildContentCard(input({ when: '2026-11-22T10:00:00.123Z' })));
    expect(text).toContain('{{DATE(2026-11-22T10:00:00Z, SHORT)}} {{TIME(2026-11-22T10:00:00Z)}}');
    expect(JSON.stringify(buildContentCard(input({ when: 'not a date' })))).not.toContain('{{DATE');
  });

  it('shows the breadcrumb, labels, the change and a View changes button', () => {
    const card = buildContentCard(
      input({
        breadcrumb: ['Engineering home', 'Plans'],
        labels: ['release', 'planning'],
        changes: summariseChange('Launch in February', 'Launch in March'),
        diffUrl: 'https://example.atlassian.net/wiki/pages/diffpagesbyversion.action?pageId=1',
      }),
    );
    const text = JSON.stringify(card);
    expect(text).toContain('Engineering › Engineering home › Plans');
    expect(text).toContain('release, planning');
    expect(text).toContain('removed: February\\\\]_ **March**');
    expect(text).toContain('removed: February');
    expect((card.actions as Array<{ title: string }>).map((a) => a.title)).toEqual([
      'Open in Confluence',
      'View changes',
    ]);
  });

  it('says who shared a page and shows their note, without a rule footer', () => {
    const text = JSON.stringify(
      buildContentCard(input({ sharedByName: 'Sam *S*', note: 'Please [read](x)' })),
    );
    expect(text).toContain('Sam \\\\*S\\\\* shared this page');
    expect(text).toContain('Please \\\\[read\\\\]\\\\(x\\\\)');
    expect(text).not.toContain('rule set up by');
  });

  it('issue 13, item 21: names everyone whose edits an updated card shows', () => {
    const byline = (editorNames: string[]) =>
      JSON.stringify(buildContentCard(input({ editCount: 3, editorNames })));
    expect(byline(['Mia Member', 'Rex'])).toContain('Updated by Mia Member and Rex');
    expect(byline(['Mia Member', 'Rex', 'Sam'])).toContain('Updated by Mia Member, Rex and Sam');
    expect(byline(['Mia Member', 'Rex', 'Sam', 'Ada', 'Vic'])).toContain(
      'Updated by Mia Member, Rex, Sam and 2 others',
    );
    expect(byline([])).toContain('Updated by Mia Member');
    expect(byline(['*Eve*', 'Rex'])).toContain('Updated by \\\\*Eve\\\\* and Rex');
  });

  describe('issue 13, item 22: only facts that tell the reader something', () => {
    const factTitles = (overrides: Partial<ContentCardInput>) =>
      (
        buildContentCard(input({ versionMessage: 'Moved dates', labels: ['release'], ...overrides }))
          .body as Array<{ type: string; facts?: Array<{ title: string }> }>
      )
        .filter((e) => e.type === 'FactSet')
        .flatMap((e) => (e.facts ?? []).map((f) => f.title));

    it('has no Space row: the breadcrumb already starts with the space', () => {
      const card = buildContentCard(input({ breadcrumb: ['Plans'] }));
      expect(JSON.stringify(card)).toContain('Engineering › Plans');
      expect(factTitles({})).not.toContain('Space');
    });

    it('keeps the version and its note on an edited page', () => {
      expect(factTitles({})).toEqual(['Version', 'Note', 'Labels']);
    });

    it.each([
      ['comment_created', { comment: { excerpt: 'Looks good', authorName: 'Mia Member', inline: false } }],
      ['comment_updated', { comment: { excerpt: 'Looks good', authorName: 'Mia Member', inline: false } }],
      ['label_added', { labelAdded: 'release' }],
    ] as const)('shows no page Version or Note on a %s card', (kind, extra) => {
      expect(factTitles({ kind, ...extra })).toEqual(['Labels']);
    });

    it('names a comment’s author once: the byline says who commented', () => {
      const text = JSON.stringify(
        buildContentCard(
          input({
            kind: 'comment_created',
            comment: { excerpt: 'Looks good', authorName: 'Mia Member', inline: false },
          }),
        ),
      );
      expect(text).toContain('Comment by Mia Member');
      expect(text).not.toContain('— Mia Member');
    });
  });

  it('drops a non-http link instead of making a button', () => {
    expect(buildContentCard(input({ pageUrl: 'javascript:alert(1)' })).actions).toEqual([]);
  });
});

describe('invariant 7: text from Confluence is escaped for Adaptive Card markdown', () => {
  it.each([
    ['[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['# heading', '\\# heading'],
    ['1. not a list', '1\\. not a list'],
    ['line\nbreak', 'line break'],
    ['<b>html</b>', '\\<b\\>html\\</b\\>'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeCardMarkdown(raw)).toBe(escaped);
  });

  it('escapes breadcrumb, labels, comment, label and the changed passage', () => {
    const evil = '[x](https://evil)';
    const card = JSON.stringify(
      buildContentCard(
        input({
          breadcrumb: [evil],
          labels: [evil],
          comment: { excerpt: evil, authorName: evil, inline: false },
          labelAdded: evil,
          changes: summariseChange('a', `a ${evil} **b**`),
        }),
      ),
    );
    expect(card).not.toContain(evil);
    expect(card).not.toContain('**b**');
  });

  it('escapes title, author and space in the card', () => {
    const card = JSON.stringify(
      buildContentCard(input({ title: '[x](https://evil)', authorName: '*Eve*', spaceName: '_S_' })),
    );
    expect(card).not.toContain('[x](https://evil)');
    expect(card).not.toContain('*Eve*');
    expect(card).toContain('\\\\[x\\\\]');
  });
});
