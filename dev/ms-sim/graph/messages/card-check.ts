// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a type-only view of a module loaded with require
type AdaptiveCardsLibrary = typeof import('adaptivecards');

let library: AdaptiveCardsLibrary | null = null;

/**
 * The official `adaptivecards` package. Its `lib/` build is ES modules with extension-less
 * imports that Node cannot load, so the simulator uses the UMD bundle from `dist/`, which runs
 * in Node without a DOM as long as nothing is rendered. Loaded on first use: it is large.
 */
function adaptiveCards(): AdaptiveCardsLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsLibrary;
  return library;
}

export type CardCheck = { ok: true; card: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Checks an `application/vnd.microsoft.card.adaptive` attachment's `content`: Graph takes the card
 * as a JSON string, not an object. The card must then be an AdaptiveCard with a version and a
 * body array, and the official parser must read it without warnings.
 * @see https://learn.microsoft.com/graph/api/chatmessage-post#example-3-send-message-containing-cards
 * @see https://adaptivecards.io/explorer/AdaptiveCard.html
 */
export function checkAdaptiveCard(content: unknown): CardCheck {
  if (typeof content !== 'string') {
    const kind = typeof content;
    const got =
      content === null
        ? 'null'
        : Array.isArray(content)
          ? 'an array'
          : kind === 'object'
            ? 'an object'
            : `a ${kind}`;
    return {
      ok: false,
      reason: `content must be a string holding the card's JSON (JSON.stringify the card), got ${got}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    return { ok: false, reason: `content is not valid JSON (${(e as Error).message})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, reason: 'the card must be a JSON object' };
  const card = json as Record<string, unknown>;
  if (card.type !== 'AdaptiveCard')
    return { ok: false, reason: `the card's type must be "AdaptiveCard", got ${JSON.stringify(card.type)}` };
  if (typeof card.version !== 'string')
    return { ok: false, reason: 'the card needs a "version" string such as "1.4"' };
  if (!Array.isArray(card.body)) return { ok: false, reason: 'the card needs a "body" array' };

  const problems = parserWarnings(card);
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, card };
}

/** Everything the official parser and its property validation complain about, hints excepted. */
function parserWarnings(card: Record<string, unknown>): string[] {
  const AC = adaptiveCards();
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) messages.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) {
    if (event.event !== AC.ValidationEvent.Hint) messages.push(event.message);
  }
  return [...new Set(messages)];
}
