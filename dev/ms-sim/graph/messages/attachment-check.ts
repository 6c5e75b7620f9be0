import { checkAdaptiveCard } from './card-check';
import type { ChatMessageAttachment } from './chat-message-resource';
import type { InputProblem } from './message-input';

const ATTACHMENT_TAG = /<attachment\b[^>]*?\bid\s*=\s*(["'])(.*?)\1[^>]*>/gi;
const CARD_PREFIX = 'application/vnd.microsoft.card.';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const problem = (message: string): InputProblem => ({ status: 400, code: 'BadRequest', message });
const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The ids of `<attachment id="…"></attachment>` placeholders in a message body. */
export const referencedAttachmentIds = (content: string): string[] =>
  [...content.matchAll(ATTACHMENT_TAG)].map((m) => m[2] ?? '');

/**
 * Every `<attachment id>` in the body must match exactly one attachment, and every attachment
 * must be placed in the body (Graph: "the attachment's ID must be the same in the body and
 * attachments elements"). Card attachments carry their JSON as a string.
 */
export function checkAttachments(content: string, raw: unknown): ChatMessageAttachment[] | InputProblem {
  const list = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(list)) return problem('attachments must be an array.');
  const attachments: ChatMessageAttachment[] = [];
  for (const [index, item] of list.entries()) {
    if (!item || typeof item !== 'object') return problem(`attachments[${index}] must be an object.`);
    const a = item as Record<string, unknown>;
    if (typeof a.id !== 'string' || a.id === '') return problem(`attachments[${index}] needs a string id.`);
    if (typeof a.contentType !== 'string' || a.contentType === '')
      return problem(`Attachment '${a.id}' needs a contentType.`);
    if (attachments.some((x) => x.id === a.id))
      return problem(`Attachment id '${a.id}' appears more than once in attachments.`);
    const cardProblem = checkContent(a.id, a.contentType, a);
    if (cardProblem) return cardProblem;
    attachments.push({
      id: a.id,
      contentType: a.contentType,
      contentUrl: optionalString(a.contentUrl),
      content: optionalString(a.content),
      name: optionalString(a.name),
      thumbnailUrl: optionalString(a.thumbnailUrl),
      teamsAppId: optionalString(a.teamsAppId),
    });
  }
  const referenced = referencedAttachmentIds(content);
  for (const id of referenced) {
    if (!attachments.some((a) => a.id === id)) {
      return problem(
        `The body references <attachment id="${id}"> but attachments has no attachment with id '${id}'.`,
      );
    }
  }
  for (const a of attachments) {
    if (!referenced.includes(a.id)) {
      return problem(
        `Attachment '${a.id}' is not referenced in the body; put <attachment id="${a.id}"></attachment> in body.content.`,
      );
    }
  }
  return attachments;
}

function checkContent(id: string, contentType: string, a: Record<string, unknown>): InputProblem | null {
  if (contentType === ADAPTIVE_CARD) {
    const check = checkAdaptiveCard(a.content);
    return check.ok ? null : problem(`Attachment '${id}' (${ADAPTIVE_CARD}): ${check.reason}.`);
  }
  if (contentType.startsWith(CARD_PREFIX)) {
    if (typeof a.content !== 'string')
      return problem(`Attachment '${id}' (${contentType}): content must be the card's JSON as a string.`);
    try {
      JSON.parse(a.content);
    } catch {
      return problem(`Attachment '${id}' (${contentType}): content is not valid JSON.`);
    }
  }
  if (contentType === 'reference' && typeof a.contentUrl !== 'string') {
    return problem(`Attachment '${id}' (reference) needs a contentUrl.`);
  }
  return null;
}
