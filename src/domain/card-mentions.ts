import { SUBTLE, textBlock, type AdaptiveCard } from './card-elements';

/** A mapped person a card may @mention: their Confluence account and Microsoft user. */
export interface MentionTarget {
  accountId: string;
  /** Microsoft Entra object id: what Teams' mention entity names. */
  oid: string;
  name: string;
  role: 'author' | 'mentioned';
}

/** Teams' mention entity in an Adaptive Card's `msteams.entities`. */
export interface CardMentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** At most this many people are mentioned on one card; the rest read as before. */
export const MAX_CARD_MENTIONS = 10;

/**
 * The visible name inside `<at>…</at>`. The entity's `text` must repeat the tag exactly, so the
 * name is not backslash-escaped (escapeCardMarkdown) but stripped of what Markdown, the tag or
 * the Graph post's HTML would read (invariant 7): `<`, `>`, `&`, `"` and Markdown punctuation
 * become spaces.
 */
export const mentionName = (name: string): string =>
  name
    .replace(/[\\`*_{}[\]()#+!|<>~&"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100) || 'someone';

const atTag = (target: MentionTarget) => `<at>${mentionName(target.name)}</at>`;

/**
 * The card with a line naming `targets` as real Teams mentions: `<at>Name</at>` in a TextBlock
 * plus one `msteams.entities` mention per person (Microsoft Entra object id), so Teams notifies
 * them. The Graph post repeats them as chatMessage `mentions` (graph-chat-message.ts).
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards
 */
export const withMentions = (card: AdaptiveCard, targets: readonly MentionTarget[]): AdaptiveCard => {
  const unique = [...new Map(targets.map((t) => [t.oid.toLowerCase(), t])).values()].slice(
    0,
    MAX_CARD_MENTIONS,
  );
  if (unique.length === 0) return card;
  const authors = unique.filter((t) => t.role === 'author').map(atTag);
  const mentioned = unique.filter((t) => t.role === 'mentioned').map(atTag);
  const parts = [
    authors.length > 0 ? `By ${authors.join(', ')}` : '',
    mentioned.length > 0 ? `Mentioned: ${mentioned.join(', ')}` : '',
  ].filter(Boolean);
  const entities: CardMentionEntity[] = unique.map((t) => ({
    type: 'mention',
    text: atTag(t),
    mentioned: { id: t.oid, name: mentionName(t.name) },
  }));
  const body: unknown[] = Array.isArray(card.body) ? (card.body as unknown[]) : [];
  const msteams = (card.msteams as Record<string, unknown> | undefined) ?? {};
  return {
    ...card,
    body: [...body, textBlock(parts.join(' · '), SUBTLE)],
    msteams: { ...msteams, entities: entities },
  };
};

/** The mention entities a card carries (none when it has no `msteams.entities`). */
export const cardMentions = (card: AdaptiveCard): CardMentionEntity[] => {
  const entities = (card.msteams as { entities?: unknown } | undefined)?.entities;
  if (!Array.isArray(entities)) return [];
  return entities.filter(
    (e): e is CardMentionEntity =>
      typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'mention',
  );
};
