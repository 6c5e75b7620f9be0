import { z } from 'zod';
import type { CommentRef, ContentEvent, EventKind } from './content-event';
import { publicLabelNames } from './content-labels';

/*
 * The documented payloads of the Confluence product events the app subscribes to.
 * @see https://developer.atlassian.com/platform/forge/events-reference/confluence/
 * Fields we do not use pass through untouched; users carry only an accountId. Anything that does
 * not fit is refused with a reason, never thrown: a trigger must not fail on a payload it cannot
 * use, or the platform would retry it for nothing.
 */

/** Confluence titles stop at 255 characters; a longer one is not from Confluence, so cut it. */
const MAX_TITLE = 255;
const MAX_LABELS = 100;

const clip = (max: number) => (text: string) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Ids are numeric strings, though some payloads (comment containers) type them as numbers. */
const contentId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,20}$/));
const accountRef = z
  .object({ accountId: z.string().min(1).max(128), accountType: z.string().max(40) })
  .partial();
const space = z.object({
  key: z.string().min(1).max(255),
  name: z.string().transform(clip(200)).optional(),
});
const version = z.object({ number: z.number().int().positive(), by: accountRef.optional() });
const pageType = z.enum(['page', 'blogpost']);
const label = z.object({ name: z.string().min(1).max(255), prefix: z.string().optional() });

const pageContent = z.object({
  id: contentId,
  type: pageType,
  title: z.string().transform(clip(MAX_TITLE)),
  space,
  version,
  labels: z.array(label).max(1000).optional(),
});

const commentContent = z.object({
  id: contentId,
  type: z.literal('comment'),
  space: space.optional(),
  version,
  ancestors: z
    .array(z.object({ id: contentId }))
    .max(1000)
    .default([]),
  // Comments on custom content have other container types: not ours to forward.
  container: z.object({
    id: contentId,
    type: pageType,
    title: z.string().transform(clip(MAX_TITLE)),
    space: space.optional(),
    version: version.partial().optional(),
  }),
  extensions: z
    .object({ location: z.enum(['footer', 'inline']) })
    .partial()
    .optional(),
});

const envelope = z.object({
  eventType: z.string().max(200),
  atlassianId: z.string().min(1).max(128).optional(),
  eventCreatedDate: z.union([z.string(), z.number()]).optional(),
  suppressNotifications: z.boolean().optional(),
  selfGenerated: z.boolean().optional(),
});

const KIND_BY_EVENT: Record<string, EventKind> = {
  'avi:confluence:created:page': 'page_created',
  'avi:confluence:updated:page': 'page_updated',
  'avi:confluence:created:blogpost': 'blogpost_created',
  'avi:confluence:updated:blogpost': 'blogpost_updated',
  'avi:confluence:created:comment': 'comment_created',
  'avi:confluence:updated:comment': 'comment_updated',
  'avi:confluence:added:label': 'label_added',
};

/** Who caused the event, as far as the payload tells: what the echo guard needs. */
export interface EventOrigin {
  /** The platform's word that the receiving app caused the event (documented `selfGenerated`). */
  selfGenerated: boolean;
  /** The actor is an app account (ours or another app's): worth comparing with the app's own id. */
  actorIsApp: boolean;
}

export type NormaliseResult =
  { ok: true; event: ContentEvent; origin: EventOrigin } | { ok: false; reason: string };

type Envelope = z.infer<typeof envelope>;

/**
 * Confluence's "don't notify watchers" (`suppressNotifications`) is a choice made when editing.
 * A new page, blog post or comment, or an added label, published with it is not an edit, so
 * never minor: the default "skip minor edits" filter must not drop it.
 */
const EDIT_KINDS: ReadonlySet<EventKind> = new Set(['page_updated', 'blogpost_updated', 'comment_updated']);
type Common = Pick<ContentEvent, 'minorEdit' | 'occurredAt'>;

const refuse = (error: z.ZodError): NormaliseResult => ({
  ok: false,
  reason: `unexpected payload: ${error.issues[0]?.path.join('.') || '(root)'}`,
});

const isoDate = (value: Envelope['eventCreatedDate']): string => {
  const date = value === undefined ? null : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
};

/** Events name their actor in `atlassianId`; the version's author tells whether it is an app account. */
const originOf = (env: Envelope, by: z.infer<typeof accountRef> | undefined): EventOrigin => ({
  selfGenerated: env.selfGenerated === true,
  actorIsApp:
    by?.accountType === 'app' && (env.atlassianId === undefined || env.atlassianId === by.accountId),
});

const fromPage = (kind: EventKind, env: Envelope, common: Common, raw: unknown): NormaliseResult => {
  const parsed = pageContent.safeParse(raw);
  if (!parsed.success) return refuse(parsed.error);
  const c = parsed.data;
  if (kind !== 'label_added' && !kind.startsWith(c.type))
    return { ok: false, reason: `a ${c.type} in a ${env.eventType} event` };
  return {
    ok: true,
    origin: originOf(env, c.version.by),
    event: {
      kind,
      contentId: c.id,
      contentType: c.type,
      title: c.title,
      spaceKey: c.space.key,
      spaceName: c.space.name ?? c.space.key,
      actorAccountId: env.atlassianId ?? c.version.by?.accountId ?? null,
      version: c.version.number,
      ...(c.labels ? { labels: publicLabelNames(c.labels).slice(0, MAX_LABELS) } : {}),
      ...common,
    },
  };
};

const fromComment = (kind: EventKind, env: Envelope, common: Common, raw: unknown): NormaliseResult => {
  const parsed = commentContent.safeParse(raw);
  if (!parsed.success) return refuse(parsed.error);
  const c = parsed.data;
  const spaceOf = c.container.space ?? c.space;
  if (!spaceOf) return { ok: false, reason: 'unexpected payload: content.space' };
  const comment: CommentRef = {
    id: c.id,
    location: c.extensions?.location ?? 'footer',
    // Ancestors run newest first: the first is the comment this one answers.
    parentCommentId: c.ancestors[0]?.id ?? null,
    version: c.version.number,
  };
  return {
    ok: true,
    origin: originOf(env, c.version.by),
    event: {
      kind,
      contentId: c.container.id,
      contentType: c.container.type,
      title: c.container.title,
      spaceKey: spaceOf.key,
      spaceName: spaceOf.name ?? spaceOf.key,
      actorAccountId: env.atlassianId ?? c.version.by?.accountId ?? null,
      // The page's version when the comment was made; the comment's own sits in `comment`.
      version: c.container.version?.number ?? 1,
      comment,
      ...common,
    },
  };
};

const fromLabel = (
  env: Envelope,
  common: Common,
  raw: { label?: unknown; content?: unknown },
): NormaliseResult => {
  // Labels on spaces and templates come without content: nothing a content rule covers.
  if (raw.content === undefined) return { ok: false, reason: 'label event without content' };
  const added = label.safeParse(raw.label);
  if (!added.success) return { ok: false, reason: 'unexpected payload: label' };
  const [name] = publicLabelNames([added.data]);
  if (name === undefined) return { ok: false, reason: 'personal label' };
  const page = fromPage('label_added', env, common, raw.content);
  if (!page.ok) return page;
  // The docs say "labels at the time of the event"; whether that includes the new one is unclear.
  const labels = [...new Set([name, ...(page.event.labels ?? [])])].slice(0, MAX_LABELS);
  // The label's author is the actor; the content's last editor is not, so no fallback to it.
  const actorAccountId = env.atlassianId ?? null;
  return {
    ok: true,
    origin: originOf(env, undefined),
    event: { ...page.event, label: name, labels, actorAccountId },
  };
};

/** Turns a product event payload into a ContentEvent, or says why it cannot. */
export const normaliseContentEvent = (payload: unknown): NormaliseResult => {
  const env = envelope.safeParse(payload);
  if (!env.success) return refuse(env.error);
  const kind = KIND_BY_EVENT[env.data.eventType];
  if (!kind) return { ok: false, reason: `unsupported event ${env.data.eventType.slice(0, 80)}` };
  const raw = payload as { content?: unknown; label?: unknown };
  const common: Common = {
    minorEdit: EDIT_KINDS.has(kind) && env.data.suppressNotifications === true,
    occurredAt: isoDate(env.data.eventCreatedDate),
  };
  if (kind === 'label_added') return fromLabel(env.data, common, raw);
  if (kind === 'comment_created' || kind === 'comment_updated')
    return fromComment(kind, env.data, common, raw.content);
  return fromPage(kind, env.data, common, raw.content);
};
