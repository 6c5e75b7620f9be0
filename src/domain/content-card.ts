import {
  adaptiveCard,
  clip,
  factSet,
  footer,
  openUrl,
  SUBTLE,
  textBlock,
  whenText,
  type AdaptiveCard,
  type CardElement,
} from './card-elements';
import { escapeCardMarkdown } from './card-markdown';
import { changeSummaryElements } from './change-summary-card';
import type { EventKind } from './content-event';
import type { ChangeSummary } from './text-diff';

export { type AdaptiveCard } from './card-elements';

export interface ContentCardInput {
  kind: EventKind;
  title: string;
  spaceName: string;
  spaceKey: string;
  authorName: string;
  version: number;
  versionMessage?: string;
  pageUrl: string;
  ruleOwnerName: string;
  /** A personal card in the recipient's 1:1 chat: why they get it, instead of naming a rule. */
  personalReason?: string;
  /** "Share to Teams": who shared the page; the card then says so instead of naming a rule. */
  sharedByName?: string;
  /** "Share to Teams": the sharer's note, shown under the title. */
  note?: string;
  /** Titles of the page's ancestors, root first, as the sender may read them. */
  breadcrumb?: string[];
  /** When the change happened (ISO 8601); Teams shows it in the reader's time zone. */
  when?: string;
  labels?: string[];
  /** What changed against the previous version (or the version before this card's first edit). */
  changes?: ChangeSummary | null;
  /** Confluence's comparison of the versions the summary covers. */
  diffUrl?: string;
  /** Comment events: the comment's text (plain, already cut) and who wrote it. */
  comment?: { excerpt: string; authorName: string; inline: boolean };
  /** Label events: the label just added. */
  labelAdded?: string;
  /** Edits of the page this card shows (it was updated in place); more than one is said. */
  editCount?: number;
  /**
   * Everyone whose edits the card shows, first edit first (an updated card): the byline names
   * them all instead of only the latest. Absent or empty: `authorName` alone.
   */
  editorNames?: string[];
}

const HEADLINE: Record<EventKind, string> = {
  page_created: 'New page',
  page_updated: 'Page updated',
  blogpost_created: 'New blog post',
  blogpost_updated: 'Blog post updated',
  comment_created: 'New comment',
  comment_updated: 'Comment edited',
  label_added: 'Label added',
};

const VERB: Record<EventKind, string> = {
  page_created: 'Created by',
  page_updated: 'Updated by',
  blogpost_created: 'Posted by',
  blogpost_updated: 'Updated by',
  comment_created: 'Comment by',
  comment_updated: 'Comment edited by',
  label_added: 'Label added by',
};

const MAX_TITLE = 200;
const MAX_CRUMBS = 4;
const MAX_LABELS = 10;
/** Past this many editors the byline names the first ones and counts the others. */
const MAX_NAMED = 3;

/** Only an edit has a version of its own to show; a comment or a label leaves the page's as it was. */
const SHOWS_VERSION: readonly EventKind[] = ['page_updated', 'blogpost_updated'];
const HAS_VERSION_NOTE: readonly EventKind[] = [...SHOWS_VERSION, 'page_created', 'blogpost_created'];

const headline = (input: ContentCardInput): string => {
  if (input.sharedByName) return 'Confluence · Shared with you';
  const inline = input.comment?.inline && input.kind === 'comment_created' ? 'New inline comment' : null;
  const edits = input.editCount && input.editCount > 1 ? ` · ${input.editCount} edits` : '';
  return `Confluence · ${inline ?? HEADLINE[input.kind]}${edits}`;
};

/** Space › ancestors (the nearest few), so readers see where the page lives. */
const breadcrumb = (input: ContentCardInput): string => {
  const crumbs = input.breadcrumb ?? [];
  const shown = crumbs.slice(-MAX_CRUMBS).map((t) => escapeCardMarkdown(clip(t, 60)));
  const lead = crumbs.length > MAX_CRUMBS ? ['…'] : [];
  return [escapeCardMarkdown(input.spaceName), ...lead, ...shown].join(' › ');
};

/** "Mia Member", "Mia Member and Rex", "Mia Member, Rex and Sam", "Mia Member, Rex, Sam and 2 others". */
const names = (all: readonly string[]): string => {
  const escaped = all.map((name) => escapeCardMarkdown(clip(name, 100)));
  const named = escaped.length > MAX_NAMED + 1 ? escaped.slice(0, MAX_NAMED) : escaped;
  const rest = escaped.length - named.length;
  const last = rest > 0 ? `${rest} others` : named.pop();
  return named.length > 0 ? `${named.join(', ')} and ${last}` : (last ?? '');
};

const byline = (input: ContentCardInput): string => {
  const when = whenText(input.when);
  const editors = input.editorNames?.length ? input.editorNames : [input.authorName];
  const who = `${VERB[input.kind]} ${names(editors)}`;
  return when ? `${who} · ${when}` : who;
};

const eventDetails = (input: ContentCardInput): CardElement[] => {
  const details: CardElement[] = [];
  if (input.note) details.push(textBlock(escapeCardMarkdown(clip(input.note, 1000))));
  if (input.comment) {
    details.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        textBlock(escapeCardMarkdown(clip(input.comment.excerpt, 600)) || '(no text)'),
        // The byline already says who commented; only someone else is worth a line.
        ...(input.comment.authorName === input.authorName
          ? []
          : [textBlock(`— ${escapeCardMarkdown(clip(input.comment.authorName, 100))}`, SUBTLE)]),
      ],
    });
  }
  if (input.labelAdded)
    details.push(textBlock(`Label added: **${escapeCardMarkdown(clip(input.labelAdded, 100))}**`));
  if (input.changes) details.push(...changeSummaryElements(input.changes));
  return details;
};

/** The card for a page or blog post event (and its comments and labels), or a shared page. */
export const buildContentCard = (input: ContentCardInput): AdaptiveCard => {
  // The space leads the breadcrumb, so no Space row repeats it; a comment or a label did not
  // make the page's version or its note, so they show only for the change that did.
  const facts: Array<{ title: string; value: string }> = [];
  if (SHOWS_VERSION.includes(input.kind)) facts.push({ title: 'Version', value: String(input.version) });
  if (input.versionMessage && HAS_VERSION_NOTE.includes(input.kind))
    facts.push({ title: 'Note', value: escapeCardMarkdown(clip(input.versionMessage, 500)) });
  const labels = (input.labels ?? []).slice(0, MAX_LABELS).map((l) => escapeCardMarkdown(clip(l, 60)));
  if (labels.length > 0) facts.push({ title: 'Labels', value: labels.join(', ') });
  return adaptiveCard(
    [
      textBlock(headline(input), SUBTLE),
      textBlock(breadcrumb(input), SUBTLE),
      textBlock(escapeCardMarkdown(clip(input.title, MAX_TITLE)), { size: 'Large', weight: 'Bolder' }),
      // A shared page is about the page, not about a change someone made.
      ...(input.sharedByName ? [] : [textBlock(byline(input), SUBTLE)]),
      ...eventDetails(input),
      ...(facts.length > 0 ? [factSet(facts)] : []),
      input.sharedByName
        ? textBlock(`${escapeCardMarkdown(input.sharedByName)} shared this page`, SUBTLE)
        : input.personalReason
          ? textBlock(escapeCardMarkdown(input.personalReason), SUBTLE)
          : footer(input.ruleOwnerName),
    ],
    [...openUrl('Open in Confluence', input.pageUrl), ...openUrl('View changes', input.diffUrl)],
  );
};
