import { buildContentCard, type AdaptiveCard } from '../../domain/content-card';
import type { ContentEvent, EventKind } from '../../domain/content-event';
import type { PlannedDelivery } from '../../domain/delivery-plan';
import { editorsWith, type HeldItem, type PostedCard } from '../../domain/destination-activity';
import { buildRedactedCard } from '../../domain/redacted-card';
import { mentionedAccountIds, newMentions } from '../../domain/personal-notification';
import { withMentions } from '../../domain/card-mentions';
import { mentionTargets, type MentionSources, type NamedPerson } from './mention-targets';
import { excerpt, storageToText } from '../../domain/storage-text';
import { summariseChange, type ChangeSummary } from '../../domain/text-diff';
import type { SenderChoice } from './choose-sender';
import type { ConfluencePeople, ContentReader, ContentSummary } from '../ports/confluence';

/** What a card is read through: the content as its sender sees it, and people's names. */
export interface CardReads {
  content: ContentReader;
  people: ConfluencePeople;
  /** Who may be @mentioned; absent: cards mention nobody. */
  mentionSources?: MentionSources;
}

export type Cleared = Exclude<SenderChoice, { kind: 'skip' | 'filtered' }>;

const COMMENT_EXCERPT_CHARS = 400;
const UPDATES: readonly EventKind[] = ['page_updated', 'blogpost_updated'];
const CREATIONS: readonly EventKind[] = ['page_created', 'blogpost_created'];

/** Names looked up for a card's mentions; past this many, the rest read as "@someone". */
const MAX_MENTION_NAMES = 10;

/** The display names of the people the bodies mention, for the card's text. */
const mentionNames = async (
  people: ConfluencePeople,
  bodies: readonly string[],
): Promise<Map<string, string>> => {
  const ids = [...new Set(bodies.flatMap(mentionedAccountIds))].slice(0, MAX_MENTION_NAMES);
  const names = await Promise.all(ids.map((id) => people.displayNameOf(id)));
  return new Map(ids.map((id, i) => [id, names[i] ?? 'someone']));
};

interface Changes {
  /** Null when nothing readable changed. */
  summary: ChangeSummary | null;
  /** People the new version mentions and the base did not. */
  mentioned: string[];
}

/** What changed from `base` to `version`, both read as the sender; null when either is unreadable. */
const changesBetween = async (
  reads: CardReads,
  owner: string,
  contentId: string,
  base: number,
  version: number,
): Promise<Changes | null> => {
  const [before, after] = await Promise.all([
    reads.content.getVersionBodyAs(owner, contentId, base),
    reads.content.getVersionBodyAs(owner, contentId, version),
  ]);
  if (before === null || after === null) return null;
  const names = await mentionNames(reads.people, [before, after]);
  return {
    summary: summariseChange(storageToText(before, names), storageToText(after, names)),
    mentioned: newMentions(before, after),
  };
};

/**
 * The people a card @mentions: the author, and who the content newly mentions (a new page's or
 * comment's mentions; an edit's added ones). A new page's body is read only for this.
 */
const namedPeople = async (
  reads: CardReads,
  event: ContentEvent,
  owner: string,
  changes: Changes | null,
  commentBody: string | null,
): Promise<NamedPerson[]> => {
  const mentioned = event.comment
    ? mentionedAccountIds(commentBody ?? '')
    : (changes?.mentioned ??
      (CREATIONS.includes(event.kind)
        ? mentionedAccountIds(
            (await reads.content.getVersionBodyAs(owner, event.contentId, event.version)) ?? '',
          )
        : []));
  return [
    ...(event.actorAccountId ? [{ accountId: event.actorAccountId, role: 'author' as const }] : []),
    ...mentioned.map((accountId) => ({ accountId, role: 'mentioned' as const })),
  ];
};

/** Confluence's own page comparison between two versions. */
const diffUrl = (content: ContentSummary, base: number, version: number): string | undefined => {
  if (!content.baseUrl) return undefined;
  const query = new URLSearchParams([
    ['pageId', content.id],
    ['selectedPageVersions', String(base)],
    ['selectedPageVersions', String(version)],
  ]);
  return `${content.baseUrl}/pages/diffpagesbyversion.action?${query.toString()}`;
};

const commentUrl = (pageUrl: string, commentId: string): string => {
  try {
    const url = new URL(pageUrl);
    url.searchParams.set('focusedCommentId', commentId);
    url.hash = `comment-${commentId}`;
    return url.toString();
  } catch {
    return pageUrl;
  }
};

const authorOf = (people: ConfluencePeople, event: ContentEvent): Promise<string> =>
  event.actorAccountId ? people.displayNameOf(event.actorAccountId) : Promise.resolve('Someone');

/**
 * The card for one delivery, everything read as the sender: a full card, or the redacted one.
 * `foldInto` is the card being updated in place: the summary then covers every change since it
 * was posted, and the card counts the edits.
 */
export const composeCard = async (
  reads: CardReads,
  delivery: PlannedDelivery,
  choice: Cleared,
  foldInto?: PostedCard,
  /** A personal card: why its recipient gets it, in place of the rule owner's footer. */
  personalReason?: string,
): Promise<AdaptiveCard> => {
  const { event } = delivery;
  const owner = choice.sender.ownerAccountId;
  const ownerName = await reads.people.displayNameOf(owner);
  if (choice.kind === 'redact') {
    return buildRedactedCard({ ...event, ruleOwnerName: ownerName });
  }
  const { content } = choice;
  const base = foldInto ? foldInto.baseVersion : event.version - 1;
  const diffable = (UPDATES.includes(event.kind) || foldInto !== undefined) && base >= 1;
  // A card updated in place names everyone who edited it since it was posted, not only the last.
  const editors = foldInto ? editorsWith(foldInto.editors, event.actorAccountId) : [];
  const [authorName, changes, comment, editorNames] = await Promise.all([
    authorOf(reads.people, event),
    diffable ? changesBetween(reads, owner, event.contentId, base, event.version) : null,
    event.comment
      ? reads.content
          .getCommentAs(owner, event.comment.id)
          .then(async (c) => c && { ...c, names: await mentionNames(reads.people, [c.body]) })
      : null,
    Promise.all(editors.map((id) => reads.people.displayNameOf(id))),
  ]);
  const card = buildContentCard({
    kind: event.kind,
    title: content.title,
    spaceKey: content.spaceKey,
    spaceName: content.spaceName,
    authorName,
    version: event.version,
    versionMessage: !event.comment && content.version === event.version ? content.versionMessage : '',
    pageUrl: event.comment ? commentUrl(content.url, event.comment.id) : content.url,
    ruleOwnerName: ownerName,
    breadcrumb: (content.ancestors ?? []).map((a) => a.title),
    when: event.occurredAt,
    labels: content.labels ?? event.labels,
    changes: changes?.summary ?? null,
    ...(diffable ? { diffUrl: diffUrl(content, base, event.version) } : {}),
    ...(event.comment
      ? {
          comment: {
            excerpt: comment
              ? excerpt(storageToText(comment.body, comment.names), COMMENT_EXCERPT_CHARS)
              : '',
            authorName,
            inline: event.comment.location === 'inline',
          },
        }
      : {}),
    ...(event.label ? { labelAdded: event.label } : {}),
    ...(foldInto ? { editCount: foldInto.edits + 1 } : {}),
    ...(editorNames.length > 1 ? { editorNames } : {}),
    ...(personalReason ? { personalReason } : {}),
  });
  // A personal card goes to one person's own chat: mentioning others there would only ping them.
  if (!reads.mentionSources || personalReason || choice.sender.mentions === false) return card;
  const named = await namedPeople(reads, event, owner, changes, comment?.body ?? null);
  return withMentions(card, await mentionTargets(reads.mentionSources, named, event.contentId));
};

/** A digest line for an event held back, with only what its sender may show. */
export const heldItemFor = async (
  people: ConfluencePeople,
  delivery: PlannedDelivery,
  choice: Cleared,
  at: number,
): Promise<HeldItem> => {
  const { event } = delivery;
  const base = {
    deliveryKey: delivery.deliveryKey,
    contentId: event.contentId,
    senderAccountId: choice.sender.ownerAccountId,
    ruleId: choice.sender.ruleId,
    ...(choice.sender.ruleVersion ? { ruleVersion: choice.sender.ruleVersion } : {}),
    kind: event.kind,
    contentType: event.contentType,
    spaceKey: event.spaceKey,
    at,
  };
  if (choice.kind === 'redact') return { ...base, title: '', url: '', authorName: '', redacted: true };
  const authorName = await authorOf(people, event);
  return { ...base, title: choice.content.title, url: choice.content.url, authorName, redacted: false };
};
