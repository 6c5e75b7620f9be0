/**
 * Adaptive Card TextBlocks render a Markdown subset, so text from Confluence (titles, names)
 * must not be able to make links, emphasis or lists. Every Markdown-significant character is
 * backslash-escaped (CommonMark treats `\` + ASCII punctuation as the literal character), and
 * line breaks fold to spaces so a title stays one line.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-!|>~<]/g;

export const escapeCardMarkdown = (text: string): string =>
  text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    // "1. Title" at the start would become an ordered list.
    .replace(/^(\d+)\./, '$1\\.');

/** Only http(s) links may become buttons; anything else is dropped by the caller. */
export const isSafeHttpUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
};
