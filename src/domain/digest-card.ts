import { adaptiveCard, clip, footer, SUBTLE, textBlock, whenText, type AdaptiveCard } from './card-elements';
import { escapeCardMarkdown, isSafeHttpUrl } from './card-markdown';
import type { EventKind } from './content-event';
import type { HeldItem } from './destination-activity';

interface DigestCardInput {
  items: readonly HeldItem[];
  /** Held events beyond those listed (the record keeps a bounded number). */
  overflow: number;
  windowMinutes: number;
  ruleOwnerName: string;
}

/** Enough lines to scan in a channel, few enough to stay far below Teams' 28 KB. */
const MAX_LINES = 15;

const WHAT: Record<EventKind, string> = {
  page_created: 'created',
  page_updated: 'updated',
  blogpost_created: 'published',
  blogpost_updated: 'updated',
  comment_created: 'commented on',
  comment_updated: 'edited a comment on',
  label_added: 'labelled',
};

/** A Markdown link whose target cannot break out of the parentheses. */
const link = (text: string, url: string): string =>
  isSafeHttpUrl(url)
    ? `[${text}](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)})`
    : text;

const line = (item: HeldItem): string => {
  const when = whenText(new Date(item.at).toISOString(), 'time');
  const stamp = when ? ` · ${when}` : '';
  if (item.redacted) {
    const noun = item.contentType === 'blogpost' ? 'A blog post' : 'A page';
    return `- ${noun} in ${escapeCardMarkdown(item.spaceKey)} you cannot see here${stamp}`;
  }
  const title = link(`**${escapeCardMarkdown(clip(item.title, 120))}**`, item.url);
  return `- ${title} — ${escapeCardMarkdown(item.authorName)} ${WHAT[item.kind]} it${stamp}`;
};

/** A person's held personal cards, in one card in their 1:1 chat. */
export const buildPersonalDigestCard = (input: {
  items: readonly HeldItem[];
  overflow: number;
  why: 'daily-digest' | 'quiet-hours';
}): AdaptiveCard => {
  const listed = input.items.slice(0, MAX_LINES);
  const more = input.items.length - listed.length + input.overflow;
  const total = input.items.length + input.overflow;
  return adaptiveCard([
    textBlock(
      input.why === 'daily-digest' ? 'Confluence · Your daily digest' : 'Confluence · While you were away',
      SUBTLE,
    ),
    textBlock(`${total} update${total === 1 ? '' : 's'} for you`, { size: 'Medium', weight: 'Bolder' }),
    textBlock(listed.map(line).join('\n')),
    ...(more > 0 ? [textBlock(`…and ${more} more.`, SUBTLE)] : []),
    textBlock(
      input.why === 'daily-digest'
        ? 'You chose a daily digest on your Microsoft Teams page in Confluence.'
        : 'Held during your quiet hours, set on your Microsoft Teams page in Confluence.',
      SUBTLE,
    ),
  ]);
};

/** One card listing the events held back while a destination was busy. */
export const buildDigestCard = (input: DigestCardInput): AdaptiveCard => {
  const listed = input.items.slice(0, MAX_LINES);
  const more = input.items.length - listed.length + input.overflow;
  const total = input.items.length + input.overflow;
  return adaptiveCard([
    textBlock('Confluence · Digest', SUBTLE),
    textBlock(`${total} more update${total === 1 ? '' : 's'} in the last ${input.windowMinutes} minutes`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
    textBlock(listed.map(line).join('\n')),
    ...(more > 0 ? [textBlock(`…and ${more} more.`, SUBTLE)] : []),
    footer(input.ruleOwnerName),
  ]);
};
