import api, { route } from '@forge/api';
import { describe } from './probe';

type WebRequest = { userPath: string; [key: string]: unknown };

/** Answers by `userPath`, to show the request and response mapping of web triggers. */
export async function web(request: WebRequest, context: Record<string, unknown>) {
  switch (request.userPath) {
    case '/echo':
      return {
        statusCode: 201,
        headers: { 'Content-Type': ['application/json'], 'X-Multi': ['a', 'b'] },
        body: JSON.stringify({ request, context }),
      };
    case '/invalid':
      return { body: 'no status code' };
    case '/throw':
      throw new Error('web trigger exploded');
    case '/as-user':
      try {
        await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`);
        return { statusCode: 200, body: 'allowed' };
      } catch (error) {
        return { statusCode: 200, body: JSON.stringify(describe(error)) };
      }
    default:
      return { statusCode: 200, contentType: 'text/plain', body: 'ok' };
  }
}
