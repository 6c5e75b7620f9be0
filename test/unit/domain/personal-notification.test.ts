import { planDeliveries } from '../../../src/domain/delivery-plan';
import {
  mentionedAccountIds,
  newMentions,
  planPersonalDeliveries,
  reasonsAllowed,
  reasonText,
} from '../../../src/domain/personal-notification';
import { DEFAULT_PREFERENCES } from '../../../src/domain/preferences';
import { aContentEvent, aRule } from '../../support/builders';

describe('personal notifications, the pure part', () => {
  it('reads mentions from storage format, each once, and ignores look-alikes', () => {
    const body =
      '<p><ac:link><ri:user ri:account-id="557058:aaa" /></ac:link> and <ac:link><ri:user ri:account-id="557058:aaa"/></ac:link>' +
      ' <ri:user ri:userkey="old-server-key" /> ri:account-id="not-in-a-tag"</p>';
    expect(mentionedAccountIds(body)).toEqual(['557058:aaa']);
  });

  it('counts only mentions the new version adds', () => {
    const m = (id: string) => `<ri:user ri:account-id="${id}"/>`;
    expect(newMentions(m('a'), `${m('a')}${m('b')}`)).toEqual(['b']);
    expect(newMentions(null, m('a'))).toEqual(['a']);
  });

  it('lets a rule’s reason through whatever the preferences say', () => {
    const off = { ...DEFAULT_PREFERENCES, watchedContentUpdated: false, mentions: false };
    expect(reasonsAllowed(['rule', 'watching', 'mentioned'], off)).toEqual(['rule']);
  });

  it('says every reason, in one sentence', () => {
    expect(reasonText(['mentioned', 'watching'], 'page_updated')).toBe(
      'You get this because you watch this page or its space and you were mentioned.',
    );
    expect(reasonText(['reply-to-your-comment'], 'comment_created')).toBe(
      'You get this because it replies to your comment.',
    );
  });

  it('keys a person’s card exactly like their "me personally" rule’s delivery: never two cards', () => {
    const event = aContentEvent();
    const rule = aRule({ ownerAccountId: 'mia', destination: { type: 'personal' } });
    const [fromRule] = planDeliveries(event, [rule]);
    const [fromAudience] = planPersonalDeliveries(event, new Map([['mia', ['watching']]]), []);
    expect(fromAudience?.deliveryKey).toBe(fromRule?.deliveryKey);
    expect(fromAudience?.concurrencyKey).toBe(fromRule?.concurrencyKey);
  });
});
