import {
  commentDialogCard,
  commentedCard,
  commentStorage,
  commentSubmissionSchema,
  commentTextProblem,
  connectFirstCard,
  CONNECT_FIRST_TEXT,
  type CommentTarget,
} from '../../../domain/comment-cards';
import { confluenceLinkOf, urlsIn } from '../../../domain/confluence-link';
import {
  actionError,
  actionMessage,
  actionValueSchema,
  cardReplacement,
  COMMENT_COMMAND,
  messageText,
  taskCard,
  taskMessage,
} from '../../../domain/teams-invokes';
import { ConfluenceRequestError } from '../../ports/confluence';
import type { CommentOutcome, CommentWriter, ContentFinder } from '../../ports/confluence-from-teams';
import type { AuthenticatedActivity } from './authenticate-activity';
import { linkedAccountOf, personalPageOf, type TeamsPersonDeps } from './teams-person';

export interface CommentDeps extends TeamsPersonDeps {
  finder: Pick<ContentFinder, 'previewContentAs'>;
  comments: CommentWriter;
}

const NOT_OURS = 'This is not a comment form this app made.';
const BUSY = 'Confluence did not answer, so your comment was not posted. Try again in a moment.';

/** Posts as the person; Confluence down is a refusal like any other, and nothing is written. */
const post = async (
  deps: CommentDeps,
  accountId: string,
  target: CommentTarget,
  text: string,
): Promise<CommentOutcome> => {
  const body = commentStorage(text);
  if (body === null) return { kind: 'refused', reason: 'Write a comment first.' };
  try {
    return await deps.comments.commentAs(accountId, target, body);
  } catch (error) {
    if (error instanceof ConfluenceRequestError) return { kind: 'refused', reason: BUSY };
    throw error;
  }
};

const targetOf = (data: {
  contentId: string;
  contentType?: 'page' | 'blogpost';
  parentCommentId?: string;
}) => ({
  contentId: data.contentId,
  ...(data.contentType ? { contentType: data.contentType } : {}),
  ...(data.parentCommentId ? { parentCommentId: data.parentCommentId } : {}),
});

/**
 * The Comment box on a card the bot sent (`Action.Execute`, verb `comment`). In the person's
 * 1:1 chat the card is theirs, so it is replaced by "You commented"; in a chat or channel
 * (a shared page) the card stays as everyone sees it and only the person is told.
 */
export const commentFromCard = async (
  deps: CommentDeps,
  authenticated: AuthenticatedActivity,
  data: unknown,
): Promise<unknown> => {
  const personal = (authenticated.activity.conversation.conversationType ?? 'personal') === 'personal';
  const parsed = commentSubmissionSchema.safeParse(data);
  if (!parsed.success) return actionError(400, 'BadRequest', NOT_OURS);
  const accountId = await linkedAccountOf(deps, authenticated);
  if (!accountId) {
    const page = personalPageOf(deps, authenticated);
    return personal
      ? cardReplacement(connectFirstCard(page))
      : actionMessage(page ? `${CONNECT_FIRST_TEXT} ${page}` : CONNECT_FIRST_TEXT);
  }
  const problem = commentTextProblem(parsed.data.comment);
  if (problem) return actionError(400, 'BadRequest', problem);
  const target = targetOf(parsed.data);
  const outcome = await post(deps, accountId, target, parsed.data.comment ?? '');
  if (outcome.kind === 'refused') return actionError(400, 'BadRequest', outcome.reason);
  if (!personal) return actionMessage(`Your comment is on “${outcome.title}” in Confluence.`);
  return cardReplacement(commentedCard({ ...outcome, text: parsed.data.comment ?? '', target }));
};

/** The first link in the message to a page or blog post of this site. */
const linkedContentId = (authenticated: AuthenticatedActivity, text: string): string | null => {
  const siteUrl = authenticated.siteUrl;
  if (!siteUrl) return null;
  for (const url of urlsIn(text)) {
    const link = confluenceLinkOf(url, siteUrl);
    if (link?.kind === 'content') return link.contentId;
  }
  return null;
};

const DIALOG_TITLE = 'Comment in Confluence';

/**
 * "Comment in Confluence" on a message (`composeExtension/fetchTask`): finds the page the
 * message links to, checks the person can view it, and asks for the text.
 */
export const startMessageComment = async (
  deps: CommentDeps,
  authenticated: AuthenticatedActivity,
): Promise<unknown> => {
  const parsed = actionValueSchema.safeParse(authenticated.activity.value);
  if (!parsed.success) return taskMessage('Teams sent an action this app does not understand.');
  if (parsed.data.commandId !== COMMENT_COMMAND)
    return taskMessage(`This app has no action called “${parsed.data.commandId.slice(0, 64)}”.`);
  const accountId = await linkedAccountOf(deps, authenticated);
  if (!accountId) return taskCard(DIALOG_TITLE, connectFirstCard(personalPageOf(deps, authenticated)));
  const contentId = linkedContentId(authenticated, messageText(parsed.data.messagePayload));
  if (!contentId)
    return taskMessage(
      'This message has no link to a Confluence page or blog post of this site, so there is nothing to comment on.',
    );
  try {
    const content = await deps.finder.previewContentAs(accountId, contentId);
    if (!content)
      return taskMessage('You cannot view the page this message links to in Confluence, or it was deleted.');
    return taskCard(DIALOG_TITLE, commentDialogCard(content));
  } catch (error) {
    if (error instanceof ConfluenceRequestError) return taskMessage(BUSY);
    throw error;
  }
};

/** The dialog's Post comment (`composeExtension/submitAction`). */
export const finishMessageComment = async (
  deps: CommentDeps,
  authenticated: AuthenticatedActivity,
): Promise<unknown> => {
  const parsed = actionValueSchema.safeParse(authenticated.activity.value);
  if (!parsed.success || parsed.data.commandId !== COMMENT_COMMAND) return taskMessage(NOT_OURS);
  const data = commentSubmissionSchema.safeParse(parsed.data.data);
  if (!data.success) return taskMessage(NOT_OURS);
  const accountId = await linkedAccountOf(deps, authenticated);
  if (!accountId) return taskCard(DIALOG_TITLE, connectFirstCard(personalPageOf(deps, authenticated)));
  const title =
    typeof parsed.data.data?.title === 'string' ? parsed.data.data.title.slice(0, 200) : 'the page';
  const problem = commentTextProblem(data.data.comment);
  if (problem)
    return taskCard(
      DIALOG_TITLE,
      commentDialogCard({ id: data.data.contentId, type: data.data.contentType ?? 'page', title }, problem),
    );
  const outcome = await post(deps, accountId, targetOf(data.data), data.data.comment ?? '');
  if (outcome.kind === 'refused') return taskMessage(`Your comment was not posted. ${outcome.reason}`);
  return taskMessage(`Your comment is on “${outcome.title || title}” in Confluence.`);
};
