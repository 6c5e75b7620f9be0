import { buildDigestCard } from '../../../src/domain/digest-card';
import type { HeldItem } from '../../../src/domain/destination-activity';
import { buildRedactedCard } from '../../../src/domain/redacted-card';
import { adaptiveCardWarnings } from '../../support/adaptive-card-parser';

const item = (n: number, overrides: Partial<HeldItem> = {}): HeldItem => ({
  deliveryKey: `k${n}`,
  senderAccountId: 'owner',
  kind: 'page_updated',
  contentType: 'page',
  spaceKey: 'ENG',
  title: `Page ${n}`,
  url: `https://example.atlassian.net/wiki/spaces/ENG/pages/${n}`,
  authorName: 'Mia Member',
  redacted: false,
  at: Date.parse('2026-11-22T10:00:00Z'),
  ...overrides,
});

describe('buildRedactedCard', () => {
  it('says only that something happened in a space, and validates', () => {
    const card = buildRedactedCard({
      kind: 'page_updated',
      contentType: 'page',
      spaceKey: 'ENG',
      ruleOwnerName: 'Rex',
    });
    expect(adaptiveCardWarnings(card)).toEqual([]);
    expect(JSON.stringify(card.body)).toContain('A page in ENG you cannot see here was updated.');
    expect(card.actions).toEqual([]);
  });

  it('names blog posts and comments too', () => {
    const blog = buildRedactedCard({
      kind: 'comment_created',
      contentType: 'blogpost',
      spaceKey: 'ENG',
      ruleOwnerName: 'Rex',
    });
    expect(JSON.stringify(blog.body)).toContain('A blog post in ENG you cannot see here has a new comment.');
  });
});

describe('buildDigestCard', () => {
  it('lists held events with links, authors and times, and validates', () => {
    const card = buildDigestCard({
      items: [item(1), item(2, { kind: 'comment_created' })],
      overflow: 0,
      windowMinutes: 10,
      ruleOwnerName: 'Ada',
    });
    expect(adaptiveCardWarnings(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('2 more updates in the last 10 minutes');
    expect(text).toContain(
      '[**Page 1**](https://example.atlassian.net/wiki/spaces/ENG/pages/1) — Mia Member updated it',
    );
    expect(text).toContain('Mia Member commented on it');
    expect(text).toContain('{{TIME(2026-11-22T10:00:00Z)}}');
  });

  it('lists at most 15 lines and counts the rest', () => {
    const items = Array.from({ length: 20 }, (_, n) => item(n));
    const card = buildDigestCard({ items, overflow: 7, windowMinutes: 10, ruleOwnerName: 'Ada' });
    const text = JSON.stringify(card);
    expect(text).toContain('27 more updates');
    expect(text).toContain('…and 12 more.');
    expect(text).not.toContain('Page 15');
    expect(Buffer.byteLength(text)).toBeLessThan(20_000);
  });

  it('escapes titles, keeps links inside their parentheses, and shows redacted lines without details', () => {
    const card = buildDigestCard({
      items: [
        item(1, { title: '[x](https://evil)', url: 'https://example.atlassian.net/wiki/a (b)' }),
        item(2, { url: 'javascript:alert(1)' }),
        item(3, { redacted: true, title: '', url: '', authorName: '' }),
      ],
      overflow: 0,
      windowMinutes: 10,
      ruleOwnerName: 'Ada',
    });
    const text = JSON.stringify(card);
    expect(text).not.toContain('[x](https://evil)');
    expect(text).toContain('(https://example.atlassian.net/wiki/a%20%28b%29)');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('A page in ENG you cannot see here');
  });
});
