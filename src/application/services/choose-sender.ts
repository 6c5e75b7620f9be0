import type { PlannedDelivery, PlannedSender } from '../../domain/delivery-plan';
import { passesPendingCheck, type PendingCheck } from '../../domain/rule-matcher';
import type { AppView, ContentReader, ContentSummary, CqlSearch } from '../ports/confluence';

/** What choosing a sender reads: the content as each owner, their CQL, and facts as the app. */
export interface SenderChecks {
  content: Pick<ContentReader, 'getContentAs'>;
  search: Pick<CqlSearch, 'matchesCqlAs'>;
  appView: Pick<AppView, 'readContentFacts'>;
}

export type SenderChoice =
  | { kind: 'send'; sender: PlannedSender; content: ContentSummary }
  /** No sender may show the content, but one asked for a card without details. */
  | { kind: 'redact'; sender: PlannedSender }
  /** `hidden`: the recorded owner cannot view the content, so the log must not show its title. */
  | { kind: 'skip'; sender: PlannedSender; reason: string; hidden: boolean }
  /** Every sender's label or page filter turned the content down: as if no rule had matched. */
  | { kind: 'filtered'; reason: string };

type Verdict = 'can-send' | 'cannot-view' | 'cql-mismatch';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const skipReason = (verdicts: readonly Verdict[]): string => {
  const hidden = verdicts.filter((v) => v === 'cannot-view').length;
  const mismatched = verdicts.filter((v) => v === 'cql-mismatch').length;
  if (verdicts.length === 1) {
    return hidden === 1
      ? 'The rule owner cannot view this content'
      : 'The content does not match the rule’s CQL filter';
  }
  const parts = [
    hidden > 0 ? `${hidden} ${plural(hidden, 'owner cannot', 'owners cannot')} view it` : '',
    mismatched > 0 ? `${mismatched} CQL ${plural(mismatched, 'filter does', 'filters do')} not match it` : '',
  ].filter(Boolean);
  return `None of the ${verdicts.length} matching rules may send this content: ${parts.join(', ')}`;
};

const FILTERED_REASON = 'The content’s labels or place do not match the rules’ filters';

const asFacts = (content: ContentSummary) => ({
  labels: content.labels ?? [],
  ancestorIds: (content.ancestors ?? []).map((a) => a.id),
});

/**
 * Invariant 3: a rule sends only what its owner can view. Each sender (oldest rule first) is
 * checked as its owner through offline impersonation; what the trigger could not decide (labels,
 * page ancestry) is checked against the content as that owner reads it; one whose CQL filter is
 * set must also have Confluence find the content with `id = <id> AND (<cql>)`, run as that
 * owner. The first that passes sends. Otherwise a sender that cannot view the content and asked
 * for "redact" (and has no CQL filter, which could not be judged for content they cannot see)
 * sends a card without details, if the content passes its pending check as the app reads it;
 * else nothing is sent.
 */
export const chooseSender = async (
  checks: SenderChecks,
  delivery: PlannedDelivery,
): Promise<SenderChoice> => {
  const { contentId } = delivery.event;
  const judged: Array<{ sender: PlannedSender; verdict: Verdict }> = [];
  const redactable: PlannedSender[] = [];
  for (const sender of delivery.senders) {
    const content = await checks.content.getContentAs(sender.ownerAccountId, contentId);
    if (!content) {
      judged.push({ sender, verdict: 'cannot-view' });
      if (sender.restrictedContent === 'redact' && sender.cql.trim() === '') redactable.push(sender);
      continue;
    }
    if (sender.check && !passesPendingCheck(sender.check, asFacts(content))) continue;
    const cql = sender.cql.trim();
    if (cql && !(await checks.search.matchesCqlAs(sender.ownerAccountId, contentId, cql))) {
      judged.push({ sender, verdict: 'cql-mismatch' });
      continue;
    }
    return { kind: 'send', sender, content };
  }
  const redactAs = await firstPassingAsApp(checks.appView, contentId, redactable);
  if (redactAs) return { kind: 'redact', sender: redactAs };
  const first = judged[0];
  if (!first) return { kind: 'filtered', reason: FILTERED_REASON };
  const reason = skipReason(judged.map((j) => j.verdict));
  return { kind: 'skip', sender: first.sender, reason, hidden: first.verdict === 'cannot-view' };
};

/**
 * The first sender whose pending check the content passes, as the app reads it (one request,
 * only when some sender has a check): a redacted card must not go out for content its rule's
 * filters would have turned down.
 */
const firstPassingAsApp = async (
  appView: SenderChecks['appView'],
  contentId: string,
  senders: readonly PlannedSender[],
): Promise<PlannedSender | null> => {
  const checks = senders.map((s) => s.check).filter((c): c is PendingCheck => c !== undefined);
  if (checks.length === 0) return senders[0] ?? null;
  const facts = await appView.readContentFacts(contentId, {
    labels: checks.some((c) => c.labels),
    ancestors: checks.some((c) => c.underPageId),
  });
  const known = { labels: facts?.labels ?? [], ancestorIds: facts?.ancestorIds ?? [] };
  return senders.find((s) => !s.check || (facts !== null && passesPendingCheck(s.check, known))) ?? null;
};
