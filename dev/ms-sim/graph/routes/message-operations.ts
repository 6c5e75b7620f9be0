import { graphError } from '../graph-error';
import { graphOk, type GraphResponse } from '../graph-request';
import type { RouteCall } from '../graph-route';
import { createMessage, type MessagePlace } from '../messages/message-factory';
import { isProblem, parseMessageInput, readJsonObject, type InputProblem } from '../messages/message-input';
import { applyMessageUpdate } from '../messages/message-update';
import type { StoredMessage } from '../messages/stored-message';
import { pageOf } from '../paging';

const problemResponse = (call: RouteCall, p: InputProblem): GraphResponse =>
  graphError(call.ctx.clock(), call.req, p.status, p.code, p.message);

/** Validates and stores a new message (or reply), answering 201 with the chatMessage. */
export function postMessage(
  call: RouteCall,
  place: MessagePlace,
  allowSubject: boolean,
  context: string,
): GraphResponse {
  const json = readJsonObject(call.req.body);
  if (isProblem(json)) return problemResponse(call, json);
  const input = parseMessageInput(json, allowSubject);
  if (isProblem(input)) return problemResponse(call, input);
  const stored = createMessage(call.ctx, place, call.user.person, input);
  return graphOk(201, { '@odata.context': context, ...stored.resource });
}

/** Lists messages newest first, 50 at most per page (Graph's limit for message lists). */
export function listMessages(
  call: RouteCall,
  messages: readonly StoredMessage[],
  context: string,
  replies?: (root: StoredMessage) => StoredMessage[],
): GraphResponse {
  const expandReplies = replies && /(^|,)\s*replies\s*(,|$)/i.test(call.req.query.get('$expand') ?? '');
  const value = [...messages]
    .reverse()
    .map((m) => (expandReplies ? { ...m.resource, replies: replies(m).map((r) => r.resource) } : m.resource));
  return pageOf(call.ctx.clock(), call.req, value, { defaultTop: 20, maxTop: 50, context });
}

export function getMessage(
  call: RouteCall,
  stored: StoredMessage | undefined,
  context: string,
): GraphResponse {
  if (!stored) return notFound(call);
  return graphOk(200, { '@odata.context': context, ...stored.resource });
}

/** Only the sender may edit a message; Graph answers 204 without a body. */
export function patchMessage(
  call: RouteCall,
  stored: StoredMessage | undefined,
  allowSubject: boolean,
): GraphResponse {
  if (!stored) return notFound(call);
  if (stored.senderOid.toLowerCase() !== call.user.person.oid.toLowerCase()) {
    return graphError(
      call.ctx.clock(),
      call.req,
      403,
      'Forbidden',
      'Only the user who sent a message can update it.',
    );
  }
  const json = readJsonObject(call.req.body);
  if (isProblem(json)) return problemResponse(call, json);
  const failed = applyMessageUpdate(stored, json, allowSubject, call.ctx.clock());
  if (failed) return problemResponse(call, failed);
  call.ctx.state.changed();
  return graphOk(204);
}

export const notFound = (call: RouteCall): GraphResponse =>
  graphError(call.ctx.clock(), call.req, 404, 'NotFound', 'The message was not found.');
