import type { PlannedDelivery, PlannedSender } from '../domain/delivery-plan';
import type { ConfluenceGateway, ContentSummary } from './ports/confluence';

export type SenderChoice =
  | { kind: 'send'; sender: PlannedSender; content: ContentSummary }
  /** No sender may show the content, but one asked for a card without details. */
  | { kind: 'redact'; sender: PlannedSender }
  /** `hidden`: the recorded owner cannot view the content, so the log must not show its title. */
  | { kind: 'skip'; sender: PlannedSender; reason: string; hidden: boolean };

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

/**
 * Invariant 3: a rule sends only what its owner can view. Each sender (oldest rule first) is
 * checked as its owner through offline impersonation; one whose CQL filter is set must also
 * have Confluence find the content with `id = <id> AND (<cql>)`, run as that owner. The first
 * that passes sends. Otherwise a sender that cannot view the content and asked for "redact"
 * (and has no CQL filter, which could not be judged for content they cannot see) sends a card
 * without details; else nothing is sent.
 */
export const chooseSender = async (
  confluence: ConfluenceGateway,
  delivery: PlannedDelivery,
): Promise<SenderChoice> => {
  const verdicts: Verdict[] = [];
  let redactAs: PlannedSender | null = null;
  for (const sender of delivery.senders) {
    const content = await confluence.getContentAs(sender.ownerAccountId, delivery.event.contentId);
    if (!content) {
      verdicts.push('cannot-view');
      if (!redactAs && sender.restrictedContent === 'redact' && sender.cql.trim() === '') redactAs = sender;
      continue;
    }
    const cql = sender.cql.trim();
    if (cql && !(await confluence.matchesCqlAs(sender.ownerAccountId, delivery.event.contentId, cql))) {
      verdicts.push('cql-mismatch');
      continue;
    }
    return { kind: 'send', sender, content };
  }
  if (redactAs) return { kind: 'redact', sender: redactAs };
  const hidden = verdicts[0] === 'cannot-view';
  return { kind: 'skip', sender: delivery.senders[0], reason: skipReason(verdicts), hidden };
};
