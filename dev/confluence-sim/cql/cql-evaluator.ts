import type { ConfluenceSite } from '../site/confluence-site';
import type { ContentRecord } from '../site/content-record';
import { canViewContent } from '../site/permissions';
import type { Principal } from '../site/principal';
import type { CqlNode, CqlOrder, CqlQuery } from './cql-ast';
import { cqlDateRange } from './cql-parser';

/** A date clause (`lastmodified >= "2026-11-01"`) against an instant. */
function matchesDate(when: string, operator: string, value: string): boolean {
  const range = cqlDateRange(value);
  if (!range) return false;
  const at = Date.parse(when);
  if (operator === '>=') return at >= range.start;
  if (operator === '>') return at >= range.end;
  if (operator === '<') return at < range.start;
  if (operator === '<=') return at < range.end;
  const within = at >= range.start && at < range.end;
  return operator === '!=' ? !within : within;
}

/** Plain text of a storage-format body, for `text ~` and search excerpts. */
export function plainText(storage: string): string {
  return storage
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `~` is Confluence's fuzzy "contains": here every word of the value (wildcards `*`/`?` dropped) must
 * occur in the text, ignoring case. Real Confluence also stems words; the simulator does not.
 */
function containsWords(haystack: string, value: string): boolean {
  const text = haystack.toLowerCase();
  const words = value.toLowerCase().replace(/[*?"]/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => text.includes(w));
}

function matchesClause(
  site: ConfluenceSite,
  principal: Principal,
  c: ContentRecord,
  node: CqlNode & { kind: 'clause' },
): boolean {
  const values = node.values.map((v) => (v === 'currentuser()' ? principal.accountId : v));
  if (node.field === 'created') return matchesDate(c.createdAt, node.operator, node.values[0]);
  if (node.field === 'lastmodified')
    return matchesDate(c.versions[c.versions.length - 1].when, node.operator, node.values[0]);
  const negate = node.operator === '!=' || node.operator === '!~' || node.operator === 'not in';
  const anyOf = (candidates: string[], fold = (s: string) => s): boolean =>
    candidates.some((candidate) => values.some((v) => fold(v) === fold(candidate)));
  const lower = (s: string): string => s.toLowerCase();
  let hit: boolean;
  switch (node.field) {
    case 'id':
      hit = anyOf([c.id]);
      break;
    case 'space':
      hit = anyOf([c.spaceKey], lower);
      break;
    case 'type':
      hit = anyOf([c.type], lower);
      break;
    case 'label':
      hit = anyOf(
        c.labels.map((l) => l.name),
        lower,
      );
      break;
    case 'ancestor':
      hit = c.type === 'page' && anyOf(site.ancestors(c.id).map((a) => a.id));
      break;
    case 'parent':
      hit = c.type === 'page' && !!c.parentId && anyOf([c.parentId]);
      break;
    case 'creator':
      hit = anyOf([c.createdBy]);
      break;
    case 'title':
      hit = node.operator.includes('~') ? containsWords(c.title, values[0]) : anyOf([c.title], lower);
      break;
    case 'text':
      hit = containsWords(
        `${c.title} ${plainText(c.body)} ${c.labels.map((l) => l.name).join(' ')}`,
        values[0],
      );
      break;
  }
  return negate ? !hit : hit;
}

function matches(site: ConfluenceSite, principal: Principal, c: ContentRecord, node: CqlNode): boolean {
  switch (node.kind) {
    case 'and':
      return matches(site, principal, c, node.left) && matches(site, principal, c, node.right);
    case 'or':
      return matches(site, principal, c, node.left) || matches(site, principal, c, node.right);
    case 'not':
      return !matches(site, principal, c, node.operand);
    case 'clause':
      return matchesClause(site, principal, c, node);
  }
}

function sortKey(c: ContentRecord, field: CqlOrder['field']): string | number {
  if (field === 'created') return c.createdAt;
  if (field === 'lastmodified') return c.versions[c.versions.length - 1].when;
  if (field === 'title') return c.title.toLowerCase();
  return Number(c.id);
}

/** Default order (no ORDER BY): most recently modified first, which is how the app lists results. */
const DEFAULT_ORDER: CqlOrder[] = [
  { field: 'lastmodified', direction: 'desc' },
  { field: 'id', direction: 'desc' },
];

/** The content matching a query that the principal may view, sorted. */
export function evaluateCql(site: ConfluenceSite, principal: Principal, query: CqlQuery): ContentRecord[] {
  const order = query.orderBy.length ? [...query.orderBy, DEFAULT_ORDER[1]] : DEFAULT_ORDER;
  return site
    .allContent()
    .filter((c) => matches(site, principal, c, query.where) && canViewContent(site, principal, c))
    .sort((a, b) => {
      for (const { field, direction } of order) {
        const x = sortKey(a, field);
        const y = sortKey(b, field);
        if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
      }
      return 0;
    });
}
