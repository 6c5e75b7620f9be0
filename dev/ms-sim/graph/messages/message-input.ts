import type { ChatMessageAttachment, ChatMessageMention, ItemBody } from './chat-message-resource';
import { checkAttachments } from './attachment-check';
import { checkMentions } from './mention-check';

/** Teams takes messages up to about 28 KB; larger posts fail with 413. */
export const MAX_MESSAGE_BYTES = 28 * 1024;

/** What a poster may set on a message. */
export interface MessageInput {
  subject: string | null;
  body: ItemBody;
  attachments: ChatMessageAttachment[];
  mentions: ChatMessageMention[];
  importance: 'normal' | 'high' | 'urgent';
}

/** Why a message body is refused: the HTTP status and Graph error code to answer with. */
export interface InputProblem {
  status: number;
  code: string;
  message: string;
}

export const isProblem = (value: unknown): value is InputProblem =>
  !!value && typeof value === 'object' && 'status' in value && 'code' in value && 'message' in value;

const badRequest = (message: string): InputProblem => ({ status: 400, code: 'BadRequest', message });

/** Parses the JSON body of a request, or explains why it cannot be read. */
export function readJsonObject(raw: string): Record<string, unknown> | InputProblem {
  const size = Buffer.byteLength(raw, 'utf8');
  if (size > MAX_MESSAGE_BYTES) {
    return {
      status: 413,
      code: 'RequestEntityTooLarge',
      message: `The message is ${size} bytes; Teams accepts messages up to ${MAX_MESSAGE_BYTES} bytes (28 KB).`,
    };
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Answered below, as Graph does for any unreadable payload.
  }
  return badRequest(
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  );
}

/**
 * Checks a new message: body content type, subject (root channel messages only), importance,
 * attachments (each referenced exactly once by `<attachment id>`; cards as JSON strings that the
 * official parser accepts) and mentions (`<at id>` ↔ `mentions[].id`).
 * @see https://learn.microsoft.com/graph/api/chatmessage-post
 */
export function parseMessageInput(
  json: Record<string, unknown>,
  allowSubject: boolean,
): MessageInput | InputProblem {
  const body = json.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body.content !== 'string') {
    return badRequest('The message needs a body with a string content.');
  }
  const contentType =
    typeof body.contentType === 'string'
      ? body.contentType.toLowerCase()
      : body.contentType === undefined
        ? 'text'
        : '';
  if (contentType !== 'text' && contentType !== 'html') {
    return badRequest(`body.contentType must be 'text' or 'html', got '${String(body.contentType)}'.`);
  }
  if (json.subject !== undefined && json.subject !== null) {
    if (!allowSubject) return badRequest('Only a root message in a channel can have a subject.');
    if (typeof json.subject !== 'string') return badRequest('subject must be a string.');
  }
  const importance = json.importance ?? 'normal';
  if (importance !== 'normal' && importance !== 'high' && importance !== 'urgent') {
    return badRequest("importance must be 'normal', 'high' or 'urgent'.");
  }
  const attachments = checkAttachments(body.content, json.attachments);
  if (isProblem(attachments)) return attachments;
  const mentions = checkMentions(body.content, json.mentions);
  if (isProblem(mentions)) return mentions;
  return {
    subject: typeof json.subject === 'string' ? json.subject : null,
    body: { contentType, content: body.content },
    attachments,
    mentions,
    importance,
  };
}
