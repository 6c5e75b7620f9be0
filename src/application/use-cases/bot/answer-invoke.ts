import { DISCONNECT_VERB } from '../../../domain/bot-cards';
import { COMMENT_VERB } from '../../../domain/comment-cards';
import { actionError } from '../../../domain/teams-invokes';
import type { AuthenticatedActivity } from './authenticate-activity';
import {
  commentFromCard,
  finishMessageComment,
  startMessageComment,
  type CommentDeps,
} from './comment-from-teams';
import { disconnectFromTeams, type DisconnectFromTeamsDeps } from './disconnect-from-teams';
import { previewLink, type PreviewDeps } from './preview-link';
import { searchConfluence, type SearchDeps } from './search-confluence';

export type InvokeDeps = SearchDeps & PreviewDeps & CommentDeps & DisconnectFromTeamsDeps;

/**
 * Invokes that only read, answered again if Teams (or anyone holding a captured token) sends
 * them twice: they keep nothing, so they need no replay record, and nothing is stored while the
 * person types.
 */
export const READ_ONLY_INVOKES: ReadonlySet<string> = new Set([
  'composeExtension/query',
  'composeExtension/queryLink',
  'composeExtension/fetchTask',
]);

const actionOf = (value: unknown): { verb: string; data: unknown } | null => {
  const action = (value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | null)?.action;
  return action?.type === 'Action.Execute' && typeof action.verb === 'string'
    ? { verb: action.verb, data: action.data }
    : null;
};

/**
 * What the bot answers an invoke with, in the HTTP response body: the message extension's
 * search, link previews and message action, and the buttons on its cards. An invoke the app
 * does not know gets `{}`, which Teams takes as "nothing to show".
 */
export const answerInvoke = async (
  deps: InvokeDeps,
  authenticated: AuthenticatedActivity,
): Promise<unknown> => {
  const { activity } = authenticated;
  switch (activity.name) {
    case 'composeExtension/query':
      return searchConfluence(deps, authenticated);
    case 'composeExtension/queryLink':
      return previewLink(deps, authenticated);
    case 'composeExtension/fetchTask':
      return startMessageComment(deps, authenticated);
    case 'composeExtension/submitAction':
      return finishMessageComment(deps, authenticated);
    case 'adaptiveCard/action': {
      const action = actionOf(activity.value);
      if (action?.verb === DISCONNECT_VERB) return disconnectFromTeams(deps, authenticated);
      if (action?.verb === COMMENT_VERB) return commentFromCard(deps, authenticated, action.data);
      return actionError(400, 'BadRequest', 'This card action is not one this app knows.');
    }
    default:
      return {};
  }
};
