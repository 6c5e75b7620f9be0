import {
  adaptiveCard,
  clip,
  footer,
  openUrl,
  SUBTLE,
  textBlock,
  whenText,
  type AdaptiveCard,
} from './card-elements';
import { escapeCardMarkdown, isSafeHttpUrl } from './card-markdown';

/** One changed page or blog post, as the rule's owner sees it in Confluence's search. */
export interface CatchUpItem {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceName: string;
  url: string;
  /** ISO time of the last change. */
  lastModified: string;
  /** Who made the last change (null: Confluence did not say). */
  lastModifiedBy: { accountId: string; displayName: string } | null;
}

export interface CatchUpCardInput {
  /** The day the catch-up starts, `YYYY-MM-DD`. */
  since: string;
  items: readonly CatchUpItem[];
  /** Matching changes beyond those listed. */
  more: number;
  /** Confluence's search page for everything (null: not a safe link). */
  searchUrl: string | null;
  ruleOwnerName: string;
}

const link = (text: string, url: string): string =>
  isSafeHttpUrl(url) ? `[${text}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : text;

const line = (item: CatchUpItem): string => {
  const title = link(`**${escapeCardMarkdown(clip(item.title, 120))}**`, item.url);
  const who = item.lastModifiedBy
    ? ` by ${escapeCardMarkdown(clip(item.lastModifiedBy.displayName, 60))}`
    : '';
  const when = whenText(item.lastModified);
  return `- ${title} · ${escapeCardMarkdown(clip(item.spaceName, 60))}${who}${when ? ` · ${when}` : ''}`;
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A calendar day in words ("1 November 2026"), not a Teams DATE(): that would show the day's
 * UTC midnight in the reader's zone, the day before for everyone west of Greenwich.
 */
export const dayInWords = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return MONTHS[m - 1] ? `${d} ${MONTHS[m - 1]} ${y}` : day;
};

/**
 * The one card a new rule sends about what changed before it existed: at most 50 lines (each
 * Confluence text escaped, invariant 7; far below Teams' 28 KB) and a link to the rest.
 */
export const buildCatchUpCard = (input: CatchUpCardInput): AdaptiveCard => {
  const total = input.items.length + input.more;
  const day = dayInWords(input.since);
  const heading =
    total === 0 ? `No changes since ${day}` : `${total} change${total === 1 ? '' : 's'} since ${day}`;
  return adaptiveCard(
    [
      textBlock('Confluence · Catch-up for a new rule', SUBTLE),
      textBlock(heading, { size: 'Medium', weight: 'Bolder' }),
      ...(input.items.length > 0 ? [textBlock(input.items.map(line).join('\n'))] : []),
      ...(input.more > 0 ? [textBlock(`…and ${input.more} more in Confluence.`, SUBTLE)] : []),
      footer(input.ruleOwnerName),
    ],
    input.more > 0 && input.searchUrl ? openUrl('See all in Confluence', input.searchUrl) : [],
  );
};
