import { escapeCardMarkdown, isSafeHttpUrl } from './card-markdown';

/*
 * Building blocks shared by the app's Adaptive Cards (1.4: what Teams renders in channels and
 * chats; a user posting through Graph may use Action.OpenUrl but not Action.Submit).
 */

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };
export type CardElement = Record<string, unknown> & { type: string };

export const adaptiveCard = (body: CardElement[], actions: CardElement[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body,
  actions,
});

export const textBlock = (text: string, style: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...style,
});

export const SUBTLE = { size: 'Small', isSubtle: true } as const;

export const factSet = (facts: Array<{ title: string; value: string }>): CardElement => ({
  type: 'FactSet',
  facts,
});

/** A button to a Confluence URL; anything but http(s) is dropped rather than made clickable. */
export const openUrl = (title: string, url: string | undefined): CardElement[] =>
  url && isSafeHttpUrl(url) ? [{ type: 'Action.OpenUrl', title, url }] : [];

/**
 * When something happened, for Teams to show in the reader's own time zone and language. The
 * DATE/TIME functions take RFC 3339 without fractions of a second; anything unparsable is left out.
 * @see https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features#datetime-function-rules
 */
export const whenText = (
  iso: string | undefined,
  part: 'date-time' | 'time' = 'date-time',
): string | null => {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) return null;
  const stamp = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const clock = `{{TIME(${stamp})}}`;
  return part === 'time' ? clock : `{{DATE(${stamp}, SHORT)}} ${clock}`;
};

/** Who set up the rule that sent a card (or who shared it), so a channel knows whom to ask. */
export const footer = (ruleOwnerName: string): CardElement =>
  textBlock(`Sent by Teams for Confluence for a rule set up by ${escapeCardMarkdown(ruleOwnerName)}`, SUBTLE);

/** Cuts a text for a card line; titles and excerpts are bounded so a card stays far below 28 KB. */
export const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
