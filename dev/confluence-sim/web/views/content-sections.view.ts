import type { ConfluenceSite } from '../../site/confluence-site';
import type { ContentRecord } from '../../site/content-record';
import { canComment, canEditContent } from '../../site/permissions';
import { html, type SafeHtml } from '../html-template';
import { personName } from '../person-name';
import { renderStorage } from '../storage-sanitizer';
import type { UiUser } from '../ui-session';

/** The labels of a page with the add-label form for people who may edit it. */
export function labelsSection(
  site: ConfluenceSite,
  user: UiUser,
  content: ContentRecord,
  base: string,
): SafeHtml {
  const form = canEditContent(site, user, content)
    ? html`<form method="post" action="${base}/labels" style="display:inline">
        <input type="text" name="label" placeholder="Add label" data-testid="label-input" required />
        <button class="btn" data-testid="add-label-button">Add</button>
      </form>`
    : '';
  return html`<section data-testid="labels">
    <h3>Labels</h3>
    ${content.labels.map((l) => html`<span class="label" data-testid="label">${l.name}</span>`)} ${form}
  </section>`;
}

function commentThread(site: ConfluenceSite, user: UiUser, comment: ContentRecord): SafeHtml {
  const replies = site.allContent().filter((c) => c.type === 'comment' && c.parentCommentId === comment.id);
  return html`<div class="comment" id="comment-${comment.id}" data-testid="comment">
    <div class="byline">
      ${personName(comment.createdBy)} · ${comment.createdAt.slice(0, 16).replace('T', ' ')}
      ${comment.location === 'inline' ? ' · inline comment' : ''}${comment.version > 1 ? ' · edited' : ''}
    </div>
    <div>${renderStorage(comment.body, user.accountId)}</div>
    ${replies.map((r) => commentThread(site, user, r))}
  </div>`;
}

/** Comments (threaded, oldest first) and the add-comment form for people who may comment. */
export function commentsSection(
  site: ConfluenceSite,
  user: UiUser,
  content: ContentRecord,
  base: string,
): SafeHtml {
  const roots = site.comments(content.id, undefined, true);
  const form = canComment(site, user, content)
    ? html`<form method="post" action="${base}/comments" class="stack">
        <label for="comment-body">Add a comment (type @Name to mention someone)</label>
        <textarea
          id="comment-body"
          name="body"
          rows="3"
          style="min-height:70px"
          data-testid="comment-input"
          required
        ></textarea>
        <p><button class="btn btn-primary" data-testid="add-comment-button">Comment</button></p>
      </form>`
    : '';
  return html`<section data-testid="comments">
    <h3>${roots.length} comment${roots.length === 1 ? '' : 's'}</h3>
    ${roots.map((c) => commentThread(site, user, c))}${form}
  </section>`;
}
