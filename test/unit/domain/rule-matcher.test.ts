import { judgeRule, matchRules } from '../../../src/domain/rule-matcher';
import { aContentEvent, aRule } from '../../support/builders';

describe('judgeRule', () => {
  it('matches an enabled rule for a chosen event kind', () => {
    expect(judgeRule(aRule(), aContentEvent()).matched).toBe(true);
  });

  it.each([
    ['disabled', aRule({ enabled: false }), aContentEvent()],
    ['event kind not chosen', aRule({ events: ['page_created'] }), aContentEvent()],
    ['minor edit', aRule(), aContentEvent({ minorEdit: true })],
    ["owner's own change", aRule({ ownerAccountId: 'me' }), aContentEvent({ actorAccountId: 'me' })],
  ])('skips: %s', (reason, rule, event) => {
    expect(judgeRule(rule, event)).toEqual({ rule, matched: false, reason });
  });

  it('lets minor edits and own changes through when the filters are off', () => {
    const rule = aRule({ ownerAccountId: 'me', filters: { skipMinorEdits: false, skipOwnChanges: false } });
    expect(judgeRule(rule, aContentEvent({ actorAccountId: 'me', minorEdit: true })).matched).toBe(true);
  });
});

describe('matchRules', () => {
  it('keeps only matching rules', () => {
    const keep = aRule();
    expect(matchRules([keep, aRule({ enabled: false })], aContentEvent())).toEqual([keep]);
  });
});
