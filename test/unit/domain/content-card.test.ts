import { escapeCardMarkdown } from '../../../src/domain/card-markdown';
import { buildContentCard, cardMessage, type ContentCardInput } from '../../../src/domain/content-card';
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
    for (const expected of ['Release plan 2027', 'Engineering (ENG)', 'Mia Member', '"4"', 'Ada Admin']) {
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

  it('drops a non-http link instead of making a button', () => {
    expect(buildContentCard(input({ pageUrl: 'javascript:alert(1)' })).actions).toEqual([]);
  });

  it('wraps the card in a Graph message whose attachment id matches', () => {
    const message = cardMessage(buildContentCard(input()), 'a1');
    expect(message.body.content).toBe('<attachment id="a1"></attachment>');
    expect(message.attachments[0]?.id).toBe('a1');
    expect(typeof message.attachments[0]?.content).toBe('string');
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

  it('escapes title, author and space in the card', () => {
    const card = JSON.stringify(
      buildContentCard(input({ title: '[x](https://evil)', authorName: '*Eve*', spaceName: '_S_' })),
    );
    expect(card).not.toContain('[x](https://evil)');
    expect(card).not.toContain('*Eve*');
    expect(card).toContain('\\\\[x\\\\]');
  });
});
