import { eventDedupKey, normaliseContentEvent } from '../../../src/domain/content-event';
import { aPageUpdatedPayload } from '../../support/builders';

describe('normaliseContentEvent', () => {
  it('reads the documented page-updated payload', () => {
    const result = normaliseContentEvent(aPageUpdatedPayload());
    expect(result).toEqual({
      ok: true,
      event: {
        kind: 'page_updated',
        contentId: '65601',
        contentType: 'page',
        title: 'Release plan 2027',
        spaceKey: 'ENG',
        spaceName: 'Engineering',
        actorAccountId: 'editor-1',
        version: 3,
        minorEdit: false,
        occurredAt: '2026-11-22T10:00:00.000Z',
      },
    });
  });

  it('marks minor edits from suppressNotifications', () => {
    const result = normaliseContentEvent(aPageUpdatedPayload({ suppressNotifications: true }));
    expect(result.ok && result.event.minorEdit).toBe(true);
  });

  it('maps blog post creation and numeric ids', () => {
    const payload = aPageUpdatedPayload({ eventType: 'avi:confluence:created:blogpost' });
    (payload.content as Record<string, unknown>).type = 'blogpost';
    (payload.content as Record<string, unknown>).id = 98311;
    const result = normaliseContentEvent(payload);
    expect(result.ok && [result.event.kind, result.event.contentId]).toEqual(['blogpost_created', '98311']);
  });

  it.each([
    ['no content', { eventType: 'avi:confluence:updated:page' }],
    [
      'a version that is not a number',
      aPageUpdatedPayload({ content: { ...aPageUpdatedPayload().content, version: { number: 'x' } } }),
    ],
    ['an unsupported event', aPageUpdatedPayload({ eventType: 'avi:confluence:liked:page' })],
    ['not an object', 'hello'],
  ])('refuses %s', (_name, payload) => {
    expect(normaliseContentEvent(payload).ok).toBe(false);
  });

  it('gives the same dedup key for the same version', () => {
    const a = normaliseContentEvent(aPageUpdatedPayload());
    const b = normaliseContentEvent(aPageUpdatedPayload({ eventCreatedDate: '2026-11-22T10:01:00.000Z' }));
    if (!a.ok || !b.ok) throw new Error('expected both to parse');
    expect(eventDedupKey(a.event)).toBe(eventDedupKey(b.event));
    expect(eventDedupKey(a.event)).toBe('page_updated:65601:3');
  });
});
