import { raw, type SafeHtml } from './html-template';
import { renderMentions } from './mentions';

/**
 * Storage format is XHTML that people type into the sandbox, rendered as the page body. Scripts,
 * frames, inline event handlers and `javascript:` URLs are removed so a page body cannot run code in
 * the simulator's origin (where the user switcher and forms live). Confluence macros
 * (`ac:`/`ri:` elements) are left as they are, browsers ignore unknown elements; user links become
 * "@Display Name" mentions, the one of `viewerId` marked as theirs.
 */
export function renderStorage(storage: string, viewerId?: string): SafeHtml {
  const cleaned = storage
    .replace(/<\s*(script|style|iframe|object|embed|template)\b[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\s*\/?\s*(script|style|iframe|object|embed|template|meta|link|base|form)\b[^>]*>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src|action|formaction)\s*=\s*(["']?)\s*(javascript|data|vbscript):/gi, '$1=$2#blocked:');
  return raw(renderMentions(cleaned, viewerId));
}
