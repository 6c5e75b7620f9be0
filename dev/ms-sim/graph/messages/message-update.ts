import { isProblem, parseMessageInput, type InputProblem } from './message-input';
import type { StoredMessage } from './stored-message';

/** Properties a sender may change with delegated permissions. */
const UPDATABLE = ['body', 'attachments', 'mentions', 'subject', 'importance'];
/** Properties Graph computes; sending them unchanged (a full object) is harmless, changing them is not. */
const READ_ONLY = [
  '@odata.context',
  '@odata.type',
  'id',
  'replyToId',
  'etag',
  'messageType',
  'createdDateTime',
  'lastModifiedDateTime',
  'lastEditedDateTime',
  'deletedDateTime',
  'summary',
  'chatId',
  'locale',
  'webUrl',
  'eventDetail',
  'from',
  'channelIdentity',
  'reactions',
];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a PATCH from the message's sender. With delegated permissions everything but
 * `policyViolation` and the read-only properties may change; the result must still be a valid
 * message (attachments referenced, cards parseable).
 * @see https://learn.microsoft.com/graph/api/chatmessage-update
 */
export function applyMessageUpdate(
  stored: StoredMessage,
  json: Record<string, unknown>,
  allowSubject: boolean,
  now: number,
): InputProblem | null {
  const current = stored.resource as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(json)) {
    if (key === 'policyViolation') {
      return {
        status: 403,
        code: 'Forbidden',
        message: 'policyViolation can be updated with application permissions only.',
      };
    }
    if (READ_ONLY.includes(key)) {
      if (!same(value, current[key]))
        return { status: 400, code: 'BadRequest', message: `Property '${key}' is read-only.` };
    } else if (!UPDATABLE.includes(key)) {
      return {
        status: 400,
        code: 'BadRequest',
        message: `The property '${key}' does not exist on type 'microsoft.graph.chatMessage'.`,
      };
    }
  }
  const r = stored.resource;
  const merged = {
    body: json.body ?? r.body,
    attachments: json.attachments ?? r.attachments,
    mentions: json.mentions ?? r.mentions,
    subject: 'subject' in json ? json.subject : r.subject,
    importance: json.importance ?? r.importance,
  };
  const input = parseMessageInput(merged, allowSubject);
  if (isProblem(input)) return input;
  const stamp = new Date(now).toISOString();
  Object.assign(r, input, { lastModifiedDateTime: stamp, lastEditedDateTime: stamp, etag: String(now) });
  return null;
}
