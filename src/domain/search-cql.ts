/*
 * The CQL behind the search message extension. What a person types is words to look for, never
 * CQL: it is reduced to plain words before it goes inside a quoted CQL string, so no quote,
 * operator or Lucene syntax can change the query. (The search runs as the person anyway, so even
 * a changed query could only find what they may view.)
 */

/** Teams' search box; longer text is cut here rather than refused. */
export const MAX_SEARCH_TEXT = 200;

/** Teams asks for 25 results by default; a message extension shows no more than that. */
export const MAX_SEARCH_RESULTS = 25;

/**
 * Lucene's special characters (`+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /`), CQL's quote and
 * escape, and control characters: each becomes a space.
 */
const NOT_A_WORD = /[+\-&|!(){}[\]^"~*?:\\/'`<>=,;%#@$\p{Cc}\p{Cf}]/gu;

/**
 * The words to look for: Unicode-normalised, special characters and Lucene's operator words
 * (`AND`, `OR`, `NOT`, `TO`, which are operators only in capitals) made plain, lower case,
 * single spaces. Empty when nothing searchable is left.
 */
export const searchWords = (typed: string): string =>
  typed
    .normalize('NFKC')
    .slice(0, MAX_SEARCH_TEXT)
    .replace(NOT_A_WORD, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');

/** A space key as Confluence makes them (personal spaces start with `~`). */
export const SPACE_KEY_PATTERN = /^~?[A-Za-z0-9_-]{1,255}$/;

export interface SearchRequest {
  /** What the person typed; empty lists what changed most recently. */
  text: string;
  /** Narrows the search to one space; checked against SPACE_KEY_PATTERN by the caller. */
  spaceKey?: string;
}

/**
 * Pages and blog posts whose title or text holds the words (Confluence's `text` field covers
 * the title, the body and the labels), in one space when asked, most recently changed first.
 */
export const searchCql = ({ text, spaceKey }: SearchRequest): string => {
  const words = searchWords(text);
  const clauses = ['type in (page, blogpost)'];
  if (spaceKey) clauses.push(`space = "${spaceKey}"`);
  if (words) clauses.push(`(title ~ "${words}" OR text ~ "${words}")`);
  return `${clauses.join(' AND ')} order by lastmodified desc`;
};

/** Confluence marks search hits in titles and excerpts with these; cards show plain text. */
export const withoutHighlights = (text: string): string =>
  text
    .replace(/@@@(end)?hl@@@/g, '')
    .replace(/\s+/g, ' ')
    .trim();
