import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { authenticateActivity } from '../application/use-cases/bot/authenticate-activity';
import { receiveActivity } from '../application/use-cases/bot/receive-activity';
import { interactiveDeps } from '../composition-root';
import { answerFor } from './error-answers';

/**
 * Teams activities are small (a message is capped near 28 KB, an invoke carries a card's
 * inputs); anything past this is refused before it is read.
 */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

const json = (statusCode: number, body: unknown, headers: Record<string, string[]> = {}) => ({
  statusCode,
  headers: { 'Content-Type': ['application/json'], ...headers },
  body: JSON.stringify(body),
});

/** One `Authorization` value; none, or several (a smuggling attempt), is null. */
const authorizationOf = (headers: Record<string, string[]> | undefined): string | null => {
  const values = Object.entries(headers ?? {})
    .filter(([name]) => name.toLowerCase() === 'authorization')
    .flatMap(([, value]) => value);
  return values.length === 1 ? (values[0] ?? null) : null;
};

/** The companion bot's messaging endpoint: the Bot Framework POSTs every Teams activity here. */
export const handleBotActivity = async (request: WebTriggerRequest): Promise<WebTriggerResponse> => {
  if (request.method !== 'POST')
    return json(405, { error: 'method_not_allowed', message: 'Only POST.' }, { Allow: ['POST'] });
  const body = typeof request.body === 'string' ? request.body : '';
  if (Buffer.byteLength(body, 'utf8') > MAX_ACTIVITY_BYTES)
    return json(413, { error: 'too_large', message: 'The activity is too large.' });
  try {
    const authenticated = await authenticateActivity(interactiveDeps, {
      authorization: authorizationOf(request.headers),
      body,
    });
    const answer = await receiveActivity(interactiveDeps, authenticated);
    return answer.body === undefined ? { statusCode: answer.status } : json(answer.status, answer.body);
  } catch (failure) {
    const answer = answerFor(failure);
    if (!answer) {
      console.error(
        'Bot endpoint failed unexpectedly',
        failure instanceof Error ? failure.name : typeof failure,
      );
      return json(500, { error: 'internal', message: 'Something went wrong on our side.' });
    }
    return json(answer.httpStatus, { error: answer.code, message: answer.message });
  }
};
