import {
  commentBox,
  commentStorage,
  commentTextProblem,
  MAX_COMMENT_LENGTH,
} from '../../../src/domain/comment-cards';

describe('comments from Teams', () => {
  it('stores each line as a paragraph, with HTML escaped', () => {
    expect(commentStorage('Looks good <b>&</b>\n\n  "ship it"  ')).toBe(
      '<p>Looks good &lt;b&gt;&amp;&lt;/b&gt;</p><p></p><p>&quot;ship it&quot;</p>',
    );
  });

  it('drops control characters and keeps other scripts as they are', () => {
    expect(commentStorage('ok\u0007 ✓ 日本語 \u202e')).toBe('<p>ok ✓ 日本語 \u202e</p>');
  });

  it.each([
    ['nothing', undefined, 'Write a comment first.'],
    ['only spaces and newlines', ' \n \t ', 'Write a comment first.'],
    ['too much', 'x'.repeat(MAX_COMMENT_LENGTH + 1), `at most ${MAX_COMMENT_LENGTH} characters`],
  ])('refuses %s with a clear reason', (_, typed, reason) => {
    expect(commentTextProblem(typed)).toContain(reason);
  });

  it('accepts a comment of the largest size', () => {
    expect(commentTextProblem('x'.repeat(MAX_COMMENT_LENGTH))).toBeNull();
  });

  it('puts a box and an Action.Execute on the card, a Reply for a comment', () => {
    const box = commentBox({ contentId: '7', parentCommentId: '9' });
    expect(box).toMatchObject({
      type: 'Action.ShowCard',
      title: 'Reply',
      card: {
        body: [{ type: 'Input.Text', id: 'comment', maxLength: MAX_COMMENT_LENGTH }],
        actions: [
          { type: 'Action.Execute', verb: 'comment', data: { contentId: '7', parentCommentId: '9' } },
        ],
      },
    });
    expect(commentBox({ contentId: '7' })).toMatchObject({ title: 'Comment' });
  });
});
