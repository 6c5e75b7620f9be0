import {
  adaptiveCard,
  clip,
  openUrl,
  SUBTLE,
  textBlock,
  whenText,
  type AdaptiveCard,
  type CardElement,
} from './card-elements';
import { escapeCardMarkdown } from './card-markdown';
import { commentBox } from './comment-cards';
import type { ExtensionResult } from './teams-invokes';

/*
 * Cards for content a person found from Teams: a search result they share into a chat or a
 * channel, and the preview of a link they paste. Everything on them was read as that person
 * (invariant 3) and comes from Confluence, so it is escaped (invariant 7).
 */

/** A page or blog post as the person who searched or pasted the link sees it. */
export interface FoundContent {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceName: string;
  /** Absolute URL of the page in Confluence. */
  url: string;
  /** Plain text, already cut. */
  excerpt: string;
  /** ISO 8601. */
  lastModified?: string;
  /** Previews only: who created it and who changed it last. */
  authorName?: string;
  updatedByName?: string;
}

/** A space as the person who pasted its link sees it. */
export interface FoundSpace {
  key: string;
  name: string;
  url: string;
  /** Plain text, already cut. */
  description: string;
}

const KIND: Record<FoundContent['type'], string> = { page: 'Page', blogpost: 'Blog post' };

const heading = (found: { spaceName: string }, kind: string): CardElement =>
  textBlock(`Confluence · ${kind} · ${escapeCardMarkdown(clip(found.spaceName, 80))}`, SUBTLE);

const titleBlock = (title: string): CardElement =>
  textBlock(escapeCardMarkdown(clip(title, 200)), { size: 'Large', weight: 'Bolder' });

const excerptBlock = (excerpt: string): CardElement[] =>
  excerpt ? [textBlock(escapeCardMarkdown(clip(excerpt, 400)))] : [];

const byline = (found: FoundContent): string | null => {
  const parts = [
    found.authorName ? `By ${escapeCardMarkdown(clip(found.authorName, 100))}` : null,
    found.lastModified
      ? `updated ${whenText(found.lastModified) ?? ''}${
          found.updatedByName ? ` by ${escapeCardMarkdown(clip(found.updatedByName, 100))}` : ''
        }`.trim()
      : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
};

/**
 * A search result picked in the message extension: the card that goes into the message. The
 * companion bot sends it, so its Comment box works in any chat or channel.
 */
export const sharedContentCard = (found: FoundContent): AdaptiveCard => {
  const line = byline(found);
  return adaptiveCard(
    [
      heading(found, KIND[found.type]),
      titleBlock(found.title),
      ...(line ? [textBlock(line, SUBTLE)] : []),
      ...excerptBlock(found.excerpt),
    ],
    [...openUrl('Open in Confluence', found.url), commentBox({ contentId: found.id })],
  );
};

/** How the result list shows a result (a thumbnail card: plain text). */
const thumbnail = (found: FoundContent) => ({
  title: clip(found.title, 120),
  text: clip([found.spaceName, found.excerpt].filter(Boolean).join(' · '), 200),
});

export const searchResult = (found: FoundContent): ExtensionResult => ({
  card: sharedContentCard(found),
  preview: thumbnail(found),
});

/** Teams renders link previews up to Adaptive Cards 1.3, so no Universal Actions on them. */
const version13 = (card: AdaptiveCard): AdaptiveCard => ({ ...card, version: '1.3' });

/** The preview of a pasted link to a page or blog post. */
export const contentPreview = (found: FoundContent): ExtensionResult => {
  const line = byline(found);
  return {
    card: version13(
      adaptiveCard(
        [
          heading(found, KIND[found.type]),
          titleBlock(found.title),
          ...(line ? [textBlock(line, SUBTLE)] : []),
          ...excerptBlock(found.excerpt),
        ],
        openUrl('Open in Confluence', found.url),
      ),
    ),
    preview: thumbnail(found),
  };
};

/** The preview of a pasted link to a space. */
export const spacePreview = (space: FoundSpace): ExtensionResult => ({
  card: version13(
    adaptiveCard(
      [textBlock('Confluence · Space', SUBTLE), titleBlock(space.name), ...excerptBlock(space.description)],
      openUrl('Open in Confluence', space.url),
    ),
  ),
  preview: { title: clip(space.name, 120), text: clip(space.description || 'Confluence space', 200) },
});
