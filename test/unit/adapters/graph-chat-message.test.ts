import { chatMessageWithCard } from '../../../src/adapters/graph-chat-message';
import { buildContentCard } from '../../../src/domain/content-card';

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
});
