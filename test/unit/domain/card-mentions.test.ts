import { adaptiveCard, textBlock } from '../../../src/domain/card-elements';
import {
  cardMentions,
  mentionName,
  withMentions,
  type MentionTarget,
} from '../../../src/domain/card-mentions';

const mia: MentionTarget = { accountId: 'm', oid: 'oid-mia', name: 'Mia Member', role: 'author' };
const rex: MentionTarget = { accountId: 'r', oid: 'oid-rex', name: 'Rex Restricted', role: 'mentioned' };

describe('mentions on a card', () => {
  it('adds <at>Name</at> text and one msteams mention entity per person', () => {
    const card = withMentions(adaptiveCard([textBlock('Title')]), [mia, rex]);
    const body = card.body as Array<{ text: string }>;
    expect(body.at(-1)?.text).toBe('By <at>Mia Member</at> · Mentioned: <at>Rex Restricted</at>');
    expect(cardMentions(card)).toEqual([
      { type: 'mention', text: '<at>Mia Member</at>', mentioned: { id: 'oid-mia', name: 'Mia Member' } },
      {
        type: 'mention',
        text: '<at>Rex Restricted</at>',
        mentioned: { id: 'oid-rex', name: 'Rex Restricted' },
      },
    ]);
  });

  it('leaves a card without targets as it was, and mentions one Microsoft user once', () => {
    const card = adaptiveCard([textBlock('Title')]);
    expect(withMentions(card, [])).toBe(card);
    expect(cardMentions(withMentions(card, [mia, { ...mia, role: 'mentioned' }]))).toHaveLength(1);
  });

  it('keeps Markdown, the tag and HTML out of a name (invariant 7)', () => {
    expect(mentionName('[Eve](https://evil.example) </at><at>x & "y"')).toBe(
      'Eve https://evil.example /at at x y',
    );
    expect(mentionName('***')).toBe('someone');
  });
});
