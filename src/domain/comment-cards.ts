import { z } from 'zod';
import {
  adaptiveCard,
  clip,
  openUrl,
  SUBTLE,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card-elements';
import { escapeCardMarkdown } from './card-markdown';

/*
 * Commenting on Confluence from Teams: the Comment box on the bot's cards (Universal Actions),
 * the dialog of the "Comment in Confluence" message action, and what the person sees after.
 */

/** The `Action.Execute` verb of the Comment box. */
export const COMMENT_VERB = 'comment';

/** Confluence takes long comments; a Teams comment box past this is most likely a paste gone wrong. */
export const MAX_COMMENT_LENGTH = 4000;

/** Where a comment goes: the page or blog post, and the comment it answers when it is a reply. */
export interface CommentTarget {
  contentId: string;
  /** Confluence's create call names the container's type; a page unless said. */
  contentType?: 'page' | 'blogpost';
  parentCommentId?: string;
}

const id = z.string().regex(/^\d{1,19}$/, 'not a Confluence id');

/** What the Comment box (or the dialog) sends back: its data and the text typed. */
export const commentSubmissionSchema = z.object({
  contentId: id,
  contentType: z.enum(['page', 'blogpost']).optional(),
  parentCommentId: id.optional(),
  comment: z.string().max(100_000).optional(),
});

/**
 * The text as Confluence stores it: control characters dropped, normalised, HTML escaped, one
 * paragraph per line. Null when nothing is left (a blank comment).
 */
export const commentStorage = (typed: string): string | null => {
  const lines = typed
    .normalize('NFC')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .split('\n')
    .map((line) => line.trim());
  if (!lines.some(Boolean)) return null;
  const escape = (line: string) =>
    line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return lines
    .join('\n')
    .trim()
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
};

/** Why a typed comment is not posted, in words for the person; null when it can go. */
export const commentTextProblem = (typed: string | undefined): string | null => {
  if (!typed || commentStorage(typed) === null) return 'Write a comment first.';
  if (typed.length > MAX_COMMENT_LENGTH)
    return `A comment from Teams can have at most ${MAX_COMMENT_LENGTH} characters; this one has ${typed.length}.`;
  return null;
};

const input = (placeholder: string): CardElement => ({
  type: 'Input.Text',
  id: 'comment',
  isMultiline: true,
  placeholder,
  maxLength: MAX_COMMENT_LENGTH,
});

/** The Comment (or Reply) button that opens a box and posts what is typed in it. */
export const commentBox = (target: CommentTarget): CardElement => {
  const reply = target.parentCommentId !== undefined;
  return {
    type: 'Action.ShowCard',
    title: reply ? 'Reply' : 'Comment',
    card: {
      type: 'AdaptiveCard',
      body: [input(reply ? 'Reply to this comment in Confluence' : 'Comment on this page in Confluence')],
      actions: [
        {
          type: 'Action.Execute',
          title: reply ? 'Post reply' : 'Post comment',
          verb: COMMENT_VERB,
          data: { ...target },
        },
      ],
    },
  };
};

/** A card the bot sends, with the Comment box added (a Reply box on a card about a comment). */
export const withCommentBox = (card: AdaptiveCard, target: CommentTarget): AdaptiveCard => ({
  ...card,
  actions: [...((card.actions as CardElement[] | undefined) ?? []), commentBox(target)],
});

/** The comment is on the page: the card says so and links to it; the box stays for another. */
export const commentedCard = (posted: {
  title: string;
  commentUrl: string;
  pageUrl: string;
  text: string;
  target: CommentTarget;
}): AdaptiveCard =>
  adaptiveCard(
    [
      textBlock('Confluence · You commented', SUBTLE),
      textBlock(escapeCardMarkdown(clip(posted.title, 200)), { size: 'Large', weight: 'Bolder' }),
      {
        type: 'Container',
        style: 'emphasis',
        items: [textBlock(escapeCardMarkdown(clip(posted.text, 600)))],
      },
    ],
    [
      ...openUrl('Open the comment', posted.commentUrl),
      ...openUrl('Open in Confluence', posted.pageUrl),
      commentBox(posted.target),
    ],
  );

/** The person has no Confluence account linked: nothing is written, and this says how to link one. */
export const connectFirstCard = (personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      textBlock('Connect your Confluence account first', { weight: 'Bolder', size: 'Medium' }),
      textBlock(
        'Teams for Confluence acts as your own Confluence account. Open Confluence, then select **Log in to Microsoft Teams** on your Microsoft Teams page.',
      ),
    ],
    openUrl('Open Confluence', personalPageUrl),
  );

export const CONNECT_FIRST_TEXT =
  'Connect your Confluence account first: in Confluence, open your Microsoft Teams page and select Log in to Microsoft Teams.';

/** Confluence refused the comment (or the text was not right): why, and nothing was written. */
export const commentRefusedCard = (reason: string, pageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      textBlock('Your comment was not posted', { weight: 'Bolder', size: 'Medium' }),
      textBlock(escapeCardMarkdown(clip(reason, 500))),
    ],
    openUrl('Open in Confluence', pageUrl),
  );

/** The message action's dialog: what to comment on, and a box for the text. */
export const commentDialogCard = (
  content: { id: string; type: 'page' | 'blogpost'; title: string },
  problem?: string,
): AdaptiveCard =>
  adaptiveCard(
    [
      textBlock(`Comment on **${escapeCardMarkdown(clip(content.title, 200))}**`, { wrap: true }),
      ...(problem ? [textBlock(escapeCardMarkdown(problem), { color: 'Attention' })] : []),
      input('Your comment, posted as you'),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Post comment',
        data: { contentId: content.id, contentType: content.type, title: clip(content.title, 200) },
      },
    ],
  );
