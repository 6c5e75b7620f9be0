import { chatMessageWithCard } from '../../../src/adapters/graph-chat-message';
import { adaptiveCard } from '../../../src/domain/card-elements';
import { withMentions, type MentionTarget } from '../../../src/domain/card-mentions';
import { buildContentCard } from '../../../src/domain/content-card';

const mia: MentionTarget = { accountId: 'm', oid: 'oid-mia', name: 'Mia Member', role: 'author' };
const rex: MentionTarget = { accountId: 'r', oid: 'oid-rex', name: 'Rex Restricted', role: 'mentioned' };

describe('the Graph chatMessage that carries a card', () => {
  const card = buildContentCard({
    kind: 'page_updated',
    title: 'Release plan 2027',
    spaceName: 'Engineering',
    spaceKey: 'ENG',
    authorName: 'Mia Member',
    version: 4,
    pageUrl: 'https://example.atlassian.net/wiki/spaces/ENG/pages/65601',
    ruleOwnerName: 'Ada Admin',
  });

  it('wraps the card in a Graph message whose attachment id matches', () => {
    const message = chatMessageWithCard({ card, sendId: 'a1' });
    expect(message.body.content).toBe('<attachment id="a1"></attachment>');
    expect(message.attachments[0]?.id).toBe('a1');
    expect(typeof message.attachments[0]?.content).toBe('string');
  });

  it('carries the card as JSON text of an Adaptive Card attachment', () => {
    const [attachment] = chatMessageWithCard({ card, sendId: 'send-7' }).attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(attachment?.content ?? 'null')).toEqual(card);
  });

  it('repeats the mentions in the Graph message: <at id> in the body and a mentions array', () => {
    const message = chatMessageWithCard({ card: withMentions(adaptiveCard([]), [mia, rex]), sendId: 's1' });
    expect(message.body.content).toBe(
      '<at id="0">Mia Member</at> <at id="1">Rex Restricted</at><attachment id="s1"></attachment>',
    );
    expect(message.mentions).toEqual([
      {
        id: 0,
        mentionText: 'Mia Member',
        mentioned: { user: { id: 'oid-mia', displayName: 'Mia Member', userIdentityType: 'aadUser' } },
      },
      {
        id: 1,
        mentionText: 'Rex Restricted',
        mentioned: { user: { id: 'oid-rex', displayName: 'Rex Restricted', userIdentityType: 'aadUser' } },
      },
    ]);
    expect(chatMessageWithCard({ card: adaptiveCard([]), sendId: 's2' }).mentions).toEqual([]);
  });
});
