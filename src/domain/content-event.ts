import { z } from 'zod';

/** The event kinds a rule can choose. */
export const EVENT_KINDS = ['page_created', 'page_updated', 'blogpost_created', 'blogpost_updated'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A Confluence content event reduced to what the pipeline needs. */
export interface ContentEvent {
  kind: EventKind;
  contentId: string;
  contentType: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  spaceName: string;
  actorAccountId: string | null;
  version: number;
  /** Minor edits ("don't notify watchers") arrive with suppressNotifications. */
  minorEdit: boolean;
  occurredAt: string;
}

const accountRef = z
  .object({ accountId: z.string().min(1) })
  .partial()
  .passthrough();

/**
 * The documented payload of `avi:confluence:{created,updated}:{page,blogpost}`; fields we do
 * not use pass through untouched. Users carry only an accountId.
 */
const contentEventPayload = z.object({
  eventType: z.string(),
  atlassianId: z.string().optional(),
  eventCreatedDate: z.union([z.string(), z.number()]).optional(),
  suppressNotifications: z.boolean().optional(),
  content: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    type: z.enum(['page', 'blogpost']),
    title: z.string(),
    space: z.object({ key: z.string().min(1), name: z.string().optional() }).passthrough(),
    version: z.object({ number: z.number().int().positive(), by: accountRef.optional() }).passthrough(),
  }),
});

const KIND_BY_EVENT: Record<string, EventKind> = {
  'avi:confluence:created:page': 'page_created',
  'avi:confluence:updated:page': 'page_updated',
  'avi:confluence:created:blogpost': 'blogpost_created',
  'avi:confluence:updated:blogpost': 'blogpost_updated',
};

export type NormaliseResult = { ok: true; event: ContentEvent } | { ok: false; reason: string };

/** Turns a product event payload into a ContentEvent, or says why it cannot. */
export const normaliseContentEvent = (payload: unknown): NormaliseResult => {
  const parsed = contentEventPayload.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, reason: `unexpected payload: ${parsed.error.issues[0]?.path.join('.') ?? '?'}` };
  }
  const p = parsed.data;
  const kind = KIND_BY_EVENT[p.eventType];
  if (!kind) return { ok: false, reason: `unsupported event ${p.eventType}` };
  const occurred = p.eventCreatedDate === undefined ? null : new Date(p.eventCreatedDate);
  return {
    ok: true,
    event: {
      kind,
      contentId: p.content.id,
      contentType: p.content.type,
      title: p.content.title,
      spaceKey: p.content.space.key,
      spaceName: p.content.space.name ?? p.content.space.key,
      actorAccountId: p.atlassianId ?? p.content.version.by?.accountId ?? null,
      version: p.content.version.number,
      minorEdit: p.suppressNotifications === true,
      occurredAt: occurred && !Number.isNaN(occurred.getTime()) ? occurred.toISOString() : '',
    },
  };
};

/** Same content version and kind → same key, however often the event is delivered. */
export const eventDedupKey = (event: ContentEvent): string =>
  `${event.kind}:${event.contentId}:${event.version}`;
