import { SPACE_KEY_PATTERN } from './search-cql';

/*
 * Links to this site's Confluence content, as people paste them into Teams or as they sit in a
 * channel message: which page, blog post or space a URL names. Only this site's own address
 * counts (the same scheme, host and port as the site), so a link to another site, or a look-alike
 * host, names nothing and is never read.
 */

export type ConfluenceLink = { kind: 'content'; contentId: string } | { kind: 'space'; spaceKey: string };

/** Far longer than any Confluence link; a longer "URL" is not looked at. */
const MAX_URL_LENGTH = 2048;

const CONTENT_ID = /^\d{1,19}$/;

const segmentsOf = (pathname: string): string[] | null => {
  try {
    return pathname
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
};

/**
 * Confluence's short link `/wiki/x/<code>`: the content id's little-endian bytes in base64 with
 * `+` written `_` and `/` written `-` (the reverse of RFC 4648's URL alphabet) and trailing `A`
 * and `=` dropped, so the code is padded back with `A` (zero bits) before it is read.
 */
const contentIdFromTiny = (code: string): string | null => {
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(code)) return null;
  const standard = code.replace(/_/g, '+').replace(/-/g, '/');
  const bytes = Buffer.from(standard.padEnd(Math.ceil(standard.length / 4) * 4, 'A'), 'base64');
  let id = 0n;
  for (let i = bytes.length - 1; i >= 0; i -= 1) id = (id << 8n) | BigInt(bytes[i] ?? 0);
  return id > 0n ? String(id) : null;
};

const content = (id: string | undefined | null): ConfluenceLink | null =>
  id && CONTENT_ID.test(id) ? { kind: 'content', contentId: id } : null;

/** The path below `/wiki`: `spaces/KEY/pages/123/Title`, `spaces/KEY/blog/2026/01/02/123/Title`, … */
const linkOfPath = (segments: readonly string[], query: URLSearchParams): ConfluenceLink | null => {
  const [first, key, area, ...rest] = segments;
  if (first === 'x' && key && segments.length === 2) return content(contentIdFromTiny(key));
  if (first === 'pages' && key === 'viewpage.action') return content(query.get('pageId'));
  if (first !== 'spaces' || !key || !SPACE_KEY_PATTERN.test(key)) return null;
  if (area === undefined || (area === 'overview' && rest.length === 0))
    return { kind: 'space', spaceKey: key };
  if (area === 'pages') return content(rest[0] === 'edit-v2' ? rest[1] : rest[0]);
  if (area === 'blog') {
    // Dated (`blog/2026/01/02/<id>/<title>`) or, in newer links, `blog/<id>/<title>`.
    const dated = rest.length >= 4 && /^\d{4}$/.test(rest[0] ?? '');
    return content(dated ? rest[3] : rest[0]);
  }
  return null;
};

/**
 * What a link names on the site at `siteUrl`, or null when it is not a link to this site's
 * pages, blog posts or spaces. Comment anchors and query strings point into the page: the page.
 */
export const confluenceLinkOf = (url: string, siteUrl: string): ConfluenceLink | null => {
  if (url.length > MAX_URL_LENGTH) return null;
  let link: URL;
  let site: URL;
  try {
    link = new URL(url.trim());
    site = new URL(siteUrl);
  } catch {
    return null;
  }
  if (link.origin !== site.origin || link.username || link.password) return null;
  const segments = segmentsOf(link.pathname);
  if (!segments || segments[0] !== 'wiki') return null;
  return linkOfPath(segments.slice(1), link.searchParams);
};

/** Every `http(s)` URL in a text or HTML (hrefs included), at most `limit`, in order of appearance. */
export const urlsIn = (text: string, limit = 20): string[] => {
  const found = text.match(/https?:\/\/[^\s"'<>)]+/gi) ?? [];
  const decoded = found.map((url) => url.replace(/&amp;/g, '&').replace(/[.,;:!?]+$/, ''));
  return [...new Set(decoded)].slice(0, limit);
};
