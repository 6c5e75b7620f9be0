import type { ConfluenceSite } from './confluence-site';
import type { ContentRecord } from './content-record';

/*
 * Web UI paths relative to the site base (`<url>/wiki`), shaped like Confluence Cloud's so that
 * `_links.webui` values from the REST API open the simulator's own pages.
 */

export function spaceWebPath(spaceKey: string): string {
  return `/spaces/${encodeURIComponent(spaceKey)}`;
}

/** Confluence writes spaces in titles as `+` in page URLs. */
function titleSlug(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

export function contentWebPath(site: ConfluenceSite, content: ContentRecord): string {
  if (content.type === 'comment') {
    const container = content.containerId ? site.content(content.containerId) : undefined;
    const base = container ? contentWebPath(site, container) : spaceWebPath(content.spaceKey);
    return `${base}?focusedCommentId=${content.id}#comment-${content.id}`;
  }
  if (content.type === 'blogpost') {
    const [year, month, day] = content.createdAt.slice(0, 10).split('-');
    return `${spaceWebPath(content.spaceKey)}/blog/${year}/${month}/${day}/${content.id}/${titleSlug(content.title)}`;
  }
  return `${spaceWebPath(content.spaceKey)}/pages/${content.id}/${titleSlug(content.title)}`;
}

export function contentEditPath(content: ContentRecord): string {
  return `${spaceWebPath(content.spaceKey)}/pages/${content.id}/edit`;
}

/**
 * Confluence's short link: the content id's little-endian bytes in base64, with `+` written `_`
 * and `/` written `-` (not RFC 4648's URL alphabet) and trailing `A` and `=` dropped.
 */
export function tinyUiPath(contentId: string): string {
  let n = BigInt(contentId);
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  }
  const code = Buffer.from(bytes)
    .toString('base64')
    .replace(/\+/g, '_')
    .replace(/\//g, '-')
    .replace(/[A=]+$/, '');
  return `/x/${code}`;
}

/** The content id behind a short link, or undefined when it is not one. */
export function contentIdFromTiny(code: string): string | undefined {
  const standard = code.replace(/_/g, '+').replace(/-/g, '/');
  const bytes = Buffer.from(standard.padEnd(Math.ceil(standard.length / 4) * 4, 'A'), 'base64');
  if (bytes.length === 0) return undefined;
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n > 0n ? String(n) : undefined;
}
