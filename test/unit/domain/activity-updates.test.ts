import { afterPost, afterReply, afterUpdate } from '../../../src/domain/activity-updates';
import {
  editorsWith,
  emptyActivity,
  MAX_EDITORS_REMEMBERED,
  type DestinationActivity,
  type PostedCard,
} from '../../../src/domain/destination-activity';
import { DEFAULT_FLOOD_SETTINGS } from '../../../src/domain/send-plan';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const MIA = 'account-mia';
const REX = 'account-rex';

/** Mia's edit to version 3 posted a card for page 1 (it shows the change from version 2). */
const withCard = (card: Partial<PostedCard> = {}): DestinationActivity =>
  afterPost(emptyActivity(), {
    contentId: '1',
    card: {
      messageId: 'm1',
      postedAt: T0,
      senderAccountId: 'owner',
      kind: 'page_updated',
      baseVersion: 2,
      version: 3,
      edits: 1,
      editors: [MIA],
      ...card,
    },
    now: T0,
    ...DEFAULT_FLOOD_SETTINGS,
  });

describe('issue 13, item 21: a card counts the edits it shows and who made them', () => {
  it('does not count a reply under the card (a comment: the page version stays) as an edit', () => {
    // What the consumer does today for a reply: afterUpdate with the comment event's page version.
    const replied = afterReply(afterUpdate(withCard(), '1', 3, T0 + 1000), T0 + 1000);
    expect(replied.cards['1']).toMatchObject({ edits: 1, version: 3, editors: [MIA] });
  });

  it('does not count a comment as an edit even when the page moved past the card (a skipped minor edit)', () => {
    const after = afterUpdate(withCard(), '1', 4, T0 + 1000, {
      kind: 'comment_created',
      editorAccountId: REX,
    });
    expect(after.cards['1']).toMatchObject({ edits: 1, version: 3, editors: [MIA] });
  });

  it('counts each edit folded into the card and names each editor once, first edit first', () => {
    const byRex = afterUpdate(withCard(), '1', 4, T0 + 1000, { kind: 'page_updated', editorAccountId: REX });
    const byMia = afterUpdate(byRex, '1', 5, T0 + 2000, { kind: 'page_updated', editorAccountId: MIA });
    expect(byMia.cards['1']).toMatchObject({ edits: 3, version: 5, baseVersion: 2, editors: [MIA, REX] });
  });

  it('counts an edit without naming anyone when the editor is not known', () => {
    const after = afterUpdate(withCard({ editors: undefined }), '1', 4, T0 + 1000);
    expect(after.cards['1']).toMatchObject({ edits: 2, version: 4 });
    expect(after.cards['1']?.editors).toBeUndefined();
  });

  it('editorsWith: the card’s editors and the current one, once each, within the record’s bound', () => {
    expect(editorsWith(undefined, MIA)).toEqual([MIA]);
    expect(editorsWith([MIA], REX)).toEqual([MIA, REX]);
    expect(editorsWith([MIA, REX], MIA)).toEqual([MIA, REX]);
    expect(editorsWith([MIA], null)).toEqual([MIA]);
    const many = Array.from({ length: MAX_EDITORS_REMEMBERED }, (_, i) => `a${i}`);
    expect(editorsWith(many, REX)).toHaveLength(MAX_EDITORS_REMEMBERED);
  });
});
