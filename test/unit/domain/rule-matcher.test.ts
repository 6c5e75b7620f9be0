import type { ContentEvent } from '../../../src/domain/content-event';
import { DEFAULT_FILTERS, type Rule, type RuleFilters } from '../../../src/domain/rule';
import { judgeRule, passesPendingCheck, sortRules } from '../../../src/domain/rule-matcher';
import { aCommentEvent, aContentEvent, aLabelEvent, aRule } from '../../support/builders';

const withFilters = (filters: Partial<RuleFilters>, rule: Partial<Rule> = {}) =>
  aRule({ ...rule, filters: { ...DEFAULT_FILTERS, ...filters } });
const pageRule = (contentId: string, extra: Partial<Rule> = {}) =>
  aRule({ scope: 'content', scopeKey: `content:${contentId}`, spaceKey: 'ENG', ...extra });
const matched = (rule: Rule, event: ContentEvent) => judgeRule(rule, event).matched;

describe('judgeRule: the basics', () => {
  it('matches an enabled rule for a chosen event kind', () => {
    expect(judgeRule(aRule(), aContentEvent())).toEqual({ rule: expect.anything(), matched: true });
  });

  it.each([
    ['disabled', aRule({ enabled: false }), aContentEvent()],
    ['event kind not chosen', aRule({ events: ['page_created'] }), aContentEvent()],
    ['event kind not chosen', aRule(), aCommentEvent()],
    ['minor edit', aRule(), aContentEvent({ minorEdit: true })],
    ["owner's own change", aRule({ ownerAccountId: 'me' }), aContentEvent({ actorAccountId: 'me' })],
    ['content type', withFilters({ contentTypes: ['blogpost'] }), aContentEvent()],
    [
      'author not included',
      withFilters({ authorsInclude: ['a', 'b'] }),
      aContentEvent({ actorAccountId: 'c' }),
    ],
    ['author not included', withFilters({ authorsInclude: ['a'] }), aContentEvent({ actorAccountId: null })],
    ['author excluded', withFilters({ authorsExclude: ['bot'] }), aContentEvent({ actorAccountId: 'bot' })],
  ])('skips: %s', (reason, rule, event) => {
    expect(judgeRule(rule, event)).toEqual({ rule, matched: false, reason });
  });

  it('lets minor edits and own changes through when the filters are off', () => {
    const rule = withFilters({ skipMinorEdits: false, skipOwnChanges: false }, { ownerAccountId: 'me' });
    expect(matched(rule, aContentEvent({ actorAccountId: 'me', minorEdit: true }))).toBe(true);
  });

  it('lets included authors and anonymous changes (when nobody is excluded by name) through', () => {
    expect(matched(withFilters({ authorsInclude: ['a'] }), aContentEvent({ actorAccountId: 'a' }))).toBe(
      true,
    );
    expect(matched(withFilters({ authorsExclude: ['a'] }), aContentEvent({ actorAccountId: null }))).toBe(
      true,
    );
  });

  it('applies content types to the page a comment is on', () => {
    const rule = withFilters({ contentTypes: ['blogpost'] }, { events: ['comment_created'] });
    expect(matched(rule, aCommentEvent({ contentType: 'blogpost' }))).toBe(true);
    expect(matched(rule, aCommentEvent({ contentType: 'page' }))).toBe(false);
  });

  it('judges the labeller, not the page’s editor, for a label event', () => {
    const rule = aRule({ events: ['label_added'], ownerAccountId: 'me' });
    expect(matched(rule, aLabelEvent({ actorAccountId: 'me' }))).toBe(false);
    expect(matched(rule, aLabelEvent({ actorAccountId: 'someone' }))).toBe(true);
  });
});

describe('judgeRule: scopes', () => {
  it('a global rule covers every space; a space rule only its own', () => {
    expect(matched(aRule({ scope: 'global', scopeKey: 'global' }), aContentEvent({ spaceKey: 'MKT' }))).toBe(
      true,
    );
    expect(judgeRule(aRule(), aContentEvent({ spaceKey: 'MKT' }))).toMatchObject({ reason: 'another space' });
  });

  it('a page rule covers its page and comments on it', () => {
    const rule = pageRule('65601', { events: ['page_updated', 'comment_created'] });
    expect(matched(rule, aContentEvent())).toBe(true);
    expect(matched(rule, aCommentEvent())).toBe(true);
    expect(judgeRule(rule, aContentEvent({ contentId: '777' }))).toMatchObject({ reason: 'another page' });
  });

  it('a page rule with descendants waits for the ancestors, then decides', () => {
    const rule = pageRule('100', { includeDescendants: true });
    expect(judgeRule(rule, aContentEvent())).toEqual({ rule, matched: 'undecided', needs: ['ancestors'] });
    expect(matched(rule, aContentEvent({ ancestorIds: ['1', '100', '200'] }))).toBe(true);
    expect(judgeRule(rule, aContentEvent({ ancestorIds: ['1', '200'] }))).toMatchObject({
      reason: 'not under the page',
    });
  });

  it('a page rule without descendants never asks for ancestors', () => {
    expect(judgeRule(pageRule('100'), aContentEvent()).matched).toBe(false);
  });

  it('blog posts have no ancestors to wait for', () => {
    const rule = pageRule('100', { includeDescendants: true, events: ['blogpost_updated'] });
    expect(
      judgeRule(rule, aContentEvent({ kind: 'blogpost_updated', contentType: 'blogpost' })).matched,
    ).toBe(false);
  });

  it('personal rules are not matched by scope', () => {
    const rule = aRule({ scope: 'personal', scopeKey: 'user:me', destination: { type: 'personal' } });
    expect(judgeRule(rule, aContentEvent())).toMatchObject({ matched: false, reason: 'not a scope rule' });
  });
});

describe('judgeRule: labels', () => {
  const labelled = (labels: string[]) => aContentEvent({ labels });

  it.each([
    ['any: one of them', { labelsAny: ['a', 'b'] }, ['b', 'z'], true],
    ['any: none of them', { labelsAny: ['a', 'b'] }, ['z'], false],
    ['all: every one', { labelsAll: ['a', 'b'] }, ['a', 'b', 'z'], true],
    ['all: one missing', { labelsAll: ['a', 'b'] }, ['a'], false],
    ['none: absent', { labelsNone: ['secret'] }, ['a'], true],
    ['none: present', { labelsNone: ['secret'] }, ['secret'], false],
    ['combined', { labelsAny: ['a'], labelsAll: ['b'], labelsNone: ['c'] }, ['a', 'b'], true],
    ['case-insensitive', { labelsAny: ['release'] }, ['Release'], true],
  ])('%s', (_name, filters, labels, expected) => {
    expect(matched(withFilters(filters), labelled(labels))).toBe(expected);
  });

  it('waits for the labels when the event does not carry them', () => {
    const rule = withFilters({ labelsNone: ['secret'] });
    expect(judgeRule(rule, aContentEvent())).toEqual({ rule, matched: 'undecided', needs: ['labels'] });
  });

  it('asks for nothing when the rule fails a cheap check first', () => {
    const rule = withFilters({ labelsAny: ['a'] }, { enabled: false });
    expect(judgeRule(rule, aContentEvent()).matched).toBe(false);
  });
});

describe('sortRules and passesPendingCheck', () => {
  it('keeps rules that match, with a pending check for what the event could not decide', () => {
    const certain = aRule();
    const byLabel = withFilters({ labelsAny: ['a'], labelsNone: ['b'] });
    const underPage = pageRule('1', {
      includeDescendants: true,
      filters: { ...DEFAULT_FILTERS, labelsAll: ['c'] },
    });
    const { matched, pending } = sortRules(
      [certain, aRule({ enabled: false }), byLabel, underPage],
      aContentEvent(),
    );
    expect(matched).toEqual([certain, byLabel, underPage]);
    expect(pending.get(certain.id)).toBeUndefined();
    expect(pending.get(byLabel.id)).toEqual({
      labels: { labelsAny: ['a'], labelsAll: [], labelsNone: ['b'] },
    });
    expect(pending.get(underPage.id)).toEqual({
      labels: { labelsAny: [], labelsAll: ['c'], labelsNone: [] },
      underPageId: '1',
    });
  });

  it('judges a pending check against the content’s labels (any case) and ancestors', () => {
    const labels = { labelsAny: ['a', 'b'], labelsAll: ['c'], labelsNone: ['x'] };
    const content = (l: string[], ancestorIds: string[] = []) => ({ labels: l, ancestorIds });
    expect(passesPendingCheck({ labels }, content(['A', 'c']))).toBe(true);
    expect(passesPendingCheck({ labels }, content(['a']))).toBe(false);
    expect(passesPendingCheck({ labels }, content(['b', 'c', 'x']))).toBe(false);
    expect(passesPendingCheck({ underPageId: '7' }, content([], ['1', '7']))).toBe(true);
    expect(passesPendingCheck({ underPageId: '7' }, content([], ['1']))).toBe(false);
    expect(passesPendingCheck({}, content([]))).toBe(true);
  });
});
