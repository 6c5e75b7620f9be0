import type { ServerResponse } from 'node:http';
import { redirect, sendHtml, sendText } from '../http/respond';
import { teamsPage } from './teams-page';

/**
 * `GET /teams` shows the page. `/teams/l/message/{conversation}/{message}` stands in for the
 * `webUrl` deep links Graph returns (`https://teams.microsoft.com/l/message/...`), so a sandbox
 * that reroutes teams.microsoft.com lands on the right conversation.
 */
export function handleTeamsView(res: ServerResponse, method: string, path: string): void {
  if (method !== 'GET') return sendText(res, 405, 'The Teams view is read-only.');
  if (path === '/teams' || path === '/teams/') return sendHtml(res, 200, teamsPage());
  const deepLink = /^\/teams\/l\/(?:message|chat|channel)\/([^/]+)/.exec(path);
  if (deepLink?.[1])
    return redirect(res, `/teams?conversation=${encodeURIComponent(decodeURIComponent(deepLink[1]))}`);
  return sendText(res, 404, `No Teams view page ${path}.`);
}
