/**
 * Confluence storage format (XHTML with `ac:`/`ri:` elements) reduced to the text a reader
 * sees, for change summaries and comment excerpts. Not a parser: a bounded, forgiving pass
 * that never throws on malformed markup.
 */

/** Bodies can be megabytes; a summary needs the start. Bounds the work per card. */
const MAX_STORAGE_CHARS = 200_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
};

const codePoint = (value: number): string =>
  Number.isInteger(value) && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)
    ? String.fromCodePoint(value)
    : '';

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      return codePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });

/** Elements whose boundaries separate words (a paragraph end is not a letter joiner). */
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|tbody|thead|br|hr|blockquote|pre|ac:task|ac:task-body|ac:rich-text-body|ac:plain-text-body|ac:layout-cell|ac:layout-section)\b[^>]*>/gi;

/** A user mention in storage format: the link's own text is empty, the person is an account id. */
const MENTION =
  /<ac:link\b[^>]*>\s*<ri:user\b[^>]*\bri:account-id\s*=\s*"([^"]{1,128})"[^>]*?(?:\/>|>\s*<\/ri:user>)[\s\S]*?<\/ac:link>/gi;

/**
 * `names`: display names of the people mentioned (account id → name); a mention reads as
 * "@Name", or "@someone" when the name is not known. Without it the mention would vanish.
 */
export const storageToText = (storage: string, names: ReadonlyMap<string, string> = new Map()): string =>
  decodeEntities(
    storage
      .slice(0, MAX_STORAGE_CHARS)
      .replace(
        MENTION,
        (_, id: string) =>
          `@${(names.get(id) ?? 'someone').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
      )
      // CDATA (code macros) is literal text: keep it, but let it through the tag pass unharmed.
      .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, (_, text: string) =>
        text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      )
      // Macro parameters (colours, ids, JQL) are settings, not what a reader sees.
      .replace(/<ac:parameter\b[^>]*>[\s\S]*?<\/ac:parameter>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(BLOCK_TAG, '\n')
      .replace(/<[^>]*>?/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/** The first `maxChars` of a text, cut at a word boundary where one is near, with an ellipsis. */
export const excerpt = (text: string, maxChars: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.6 ? cut.slice(0, space) : cut}…`;
};
