import { eventDedupKey, normaliseContentEvent, type ContentEvent } from '../../../src/domain/content-event';
import {
  aCommentCreatedPayload,
  aCommentEvent,
  aContentEvent,
  aLabelAddedPayload,
  aLabelEvent,
  aPageUpdatedPayload,
} from '../../support/builders';

const eventOf = (payload: unknown): ContentEvent => {
  const result = normaliseContentEvent(payload);
  if (!result.ok) throw new Error(`expected the payload to parse: ${result.reason}`);
  return result.event;
};

const withContent = (patch: Record<string, unknown>) =>
  aPageUpdatedPayload({ content: { ...aPageUpdatedPayload().content, ...patch } });

describe('normaliseContentEvent: pages and blog posts', () => {
  it('reads the documented page-updated payload', () => {
    expect(normaliseContentEvent(aPageUpdatedPayload())).toEqual({
      ok: true,
      origin: { selfGenerated: false, actorIsApp: false },
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
    expect(eventOf(aPageUpdatedPayload({ suppressNotifications: true })).minorEdit).toBe(true);
  });

  // Confluence's "don't notify watchers" is a choice made when editing: a creation is never minor.
  const asType = (eventType: string, type = 'page') =>
    aPageUpdatedPayload({
      eventType,
      suppressNotifications: true,
      content: { ...aPageUpdatedPayload().content, type, version: { number: 1 } },
    });
  it.each([
    ['new page', asType('avi:confluence:created:page')],
    ['new blog post', asType('avi:confluence:created:blogpost', 'blogpost')],
    ['new comment', aCommentCreatedPayload({ suppressNotifications: true })],
    ['label added', aLabelAddedPayload({ suppressNotifications: true })],
  ])('issue 9: a %s with suppressNotifications is not a minor edit: only edits are', (_, payload) => {
    expect(eventOf(payload).minorEdit).toBe(false);
  });

  it('marks an edited blog post or comment with suppressNotifications minor', () => {
    const comment = aCommentCreatedPayload();
    const editedComment = {
      ...comment,
      eventType: 'avi:confluence:updated:comment',
      suppressNotifications: true,
      content: { ...comment.content, version: { number: 2 } },
    };
    const editedPost = asType('avi:confluence:updated:blogpost', 'blogpost');
    expect([eventOf(editedPost).minorEdit, eventOf(editedComment).minorEdit]).toEqual([true, true]);
  });

  it.each([
    ['avi:confluence:created:page', 'page', 'page_created'],
    ['avi:confluence:created:blogpost', 'blogpost', 'blogpost_created'],
    ['avi:confluence:updated:blogpost', 'blogpost', 'blogpost_updated'],
  ])('maps %s', (eventType, type, kind) => {
    const payload = aPageUpdatedPayload({
      eventType,
      content: { ...aPageUpdatedPayload().content, type, id: 98311 },
    });
    const event = eventOf(payload);
    expect([event.kind, event.contentType, event.contentId]).toEqual([kind, type, '98311']);
  });

  it('takes the actor from the version when atlassianId is absent', () => {
    expect(eventOf(aPageUpdatedPayload({ atlassianId: undefined })).actorAccountId).toBe('editor-1');
  });

  it('leaves the date empty when it is not a date', () => {
    expect(eventOf(aPageUpdatedPayload({ eventCreatedDate: 'yesterday' })).occurredAt).toBe('');
  });

  it('cuts a title longer than Confluence allows', () => {
    const title = eventOf(withContent({ title: 'x'.repeat(100_000) })).title;
    expect(title).toHaveLength(255);
    expect(title.endsWith('…')).toBe(true);
  });

  it('keeps markup in titles as text (escaping is the card’s job)', () => {
    expect(eventOf(withContent({ title: '<script>alert(1)</script> [x](javascript:y)' })).title).toBe(
      '<script>alert(1)</script> [x](javascript:y)',
    );
  });

  it('tells the platform’s selfGenerated flag and an app actor apart', () => {
    const self = normaliseContentEvent(aPageUpdatedPayload({ selfGenerated: true }));
    expect(self.ok && self.origin).toEqual({ selfGenerated: true, actorIsApp: false });
    const app = normaliseContentEvent(
      aPageUpdatedPayload({
        atlassianId: 'app-1',
        content: {
          ...aPageUpdatedPayload().content,
          version: { number: 4, by: { accountId: 'app-1', accountType: 'app' } },
        },
      }),
    );
    expect(app.ok && app.origin).toEqual({ selfGenerated: false, actorIsApp: true });
  });
});

describe('normaliseContentEvent: comments', () => {
  it('describes the container page and names the comment', () => {
    const event = eventOf(aCommentCreatedPayload());
    expect(event).toEqual({
      kind: 'comment_created',
      contentId: '65601',
      contentType: 'page',
      title: 'Release plan 2027',
      spaceKey: 'ENG',
      spaceName: 'Engineering',
      actorAccountId: 'commenter-1',
      version: 3,
      minorEdit: false,
      occurredAt: '2026-11-22T10:05:00.000Z',
      comment: { id: '65700', location: 'inline', parentCommentId: '65690', version: 1 },
    });
  });

  it('reads a top-level footer comment edit on a blog post', () => {
    const base = aCommentCreatedPayload();
    const event = eventOf({
      ...base,
      eventType: 'avi:confluence:updated:comment',
      updateTrigger: 'edit_comment',
      content: {
        ...base.content,
        version: { number: 2, by: { accountId: 'commenter-1' } },
        ancestors: [],
        container: { ...base.content.container, id: '98311', type: 'blogpost' },
        extensions: { location: 'footer' },
      },
    });
    expect([event.kind, event.contentType, event.contentId]).toEqual([
      'comment_updated',
      'blogpost',
      '98311',
    ]);
    expect(event.comment).toEqual({ id: '65700', location: 'footer', parentCommentId: null, version: 2 });
  });

  it('ignores comments on custom content', () => {
    const base = aCommentCreatedPayload();
    const payload = {
      ...base,
      content: { ...base.content, container: { ...base.content.container, type: 'ac:app:thing' } },
    };
    expect(normaliseContentEvent(payload).ok).toBe(false);
  });

  it('refuses a comment without its container', () => {
    const base = aCommentCreatedPayload();
    const { container: _dropped, ...content } = base.content;
    expect(normaliseContentEvent({ ...base, content })).toEqual({
      ok: false,
      reason: 'unexpected payload: container',
    });
  });
});

describe('normaliseContentEvent: labels', () => {
  it('names the label added and the content’s public labels', () => {
    const event = eventOf(aLabelAddedPayload());
    expect(event).toMatchObject({
      kind: 'label_added',
      contentId: '65601',
      label: 'release',
      labels: ['release', 'eng'],
      actorAccountId: 'labeller-1',
    });
    expect(event.labels).not.toContain('secret-draft');
  });

  it('does not take the last editor for the labeller when the label was added anonymously', () => {
    expect(eventOf(aLabelAddedPayload({ atlassianId: undefined })).actorAccountId).toBeNull();
  });

  it.each([
    [
      'a personal label',
      aLabelAddedPayload({ label: { id: '1', name: 'mine', prefix: 'my' } }),
      'personal label',
    ],
    [
      'a label on a space',
      aLabelAddedPayload({ content: undefined, space: { key: 'ENG' } }),
      'label event without content',
    ],
  ])('ignores %s', (_name, payload, reason) => {
    expect(normaliseContentEvent(payload)).toEqual({ ok: false, reason });
  });
});

describe('normaliseContentEvent: what it refuses', () => {
  it.each([
    ['no content', { eventType: 'avi:confluence:updated:page' }],
    ['a version that is not a number', withContent({ version: { number: 'x' } })],
    ['a content id that is not numeric', withContent({ id: '../../admin' })],
    ['a comment type in a page event', withContent({ type: 'comment' })],
    ['an empty space key', withContent({ space: { key: '' } })],
    ['an unsupported event', aPageUpdatedPayload({ eventType: 'avi:confluence:liked:page' })],
    ['an unknown event type', aPageUpdatedPayload({ eventType: 'avi:jira:created:issue' })],
    ['an event type that is not a string', aPageUpdatedPayload({ eventType: 42 })],
    ['not an object', 'hello'],
    ['null', null],
    ['an array', [aPageUpdatedPayload()]],
  ])('%s', (_name, payload) => {
    expect(normaliseContentEvent(payload).ok).toBe(false);
  });

  it('does not echo a huge unknown event type back in full', () => {
    const result = normaliseContentEvent(aPageUpdatedPayload({ eventType: `avi:${'x'.repeat(150)}` }));
    expect(result.ok === false && result.reason.length).toBeLessThan(120);
  });
});

describe('eventDedupKey', () => {
  it('gives the same key for the same version, however often it is delivered', () => {
    const a = eventOf(aPageUpdatedPayload());
    const b = eventOf(aPageUpdatedPayload({ eventCreatedDate: '2026-11-22T10:01:00.000Z' }));
    expect(eventDedupKey(a)).toBe(eventDedupKey(b));
    expect(eventDedupKey(a)).toBe('page_updated:65601:3');
  });

  it('keys comments by the comment and its version, not the page', () => {
    expect(eventDedupKey(aCommentEvent())).toBe('comment_created:65700:1');
    const edit = aCommentEvent({
      kind: 'comment_updated',
      comment: { id: '65700', location: 'footer', parentCommentId: null, version: 2 },
    });
    expect(eventDedupKey(edit)).toBe('comment_updated:65700:2');
  });

  it('keys labels by content and label (adding a label makes no version)', () => {
    expect(eventDedupKey(aLabelEvent())).toBe('label_added:65601:release');
    expect(eventDedupKey(aLabelEvent({ label: 'other' }))).not.toBe(eventDedupKey(aLabelEvent()));
  });

  it('keeps page versions apart', () => {
    expect(eventDedupKey(aContentEvent({ version: 4 }))).not.toBe(eventDedupKey(aContentEvent()));
  });
});
