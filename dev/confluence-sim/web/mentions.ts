import { PEOPLE, type SeedPerson } from '../../seed';
import { escapeHtml } from './html-template';
import { personName } from './person-name';

/*
 * @mentions. Confluence stores a mention in storage format as a user link,
 * `<ac:link><ri:user ri:account-id="…" /></ac:link>`, and shows it as "@Display Name". The sandbox's
 * editor is a plain storage-format text box, so it shows mentions as "@Display Name" and turns
 * "@Display Name" or "@FirstName" (any seed person, any case) back into user links when saved.
 */

/** A stored mention in the form this module writes. */
export const userLink = (accountId: string): string =>
  `<ac:link><ri:user ri:account-id="${escapeHtml(accountId)}" /></ac:link>`;

/** Any user link: self-closing or not, with or without a link body (which Confluence ignores for users). */
const USER_LINK =
  /<ac:link\b[^>]*>\s*<ri:user\b[^>]*?\bri:account-id\s*=\s*"([^"]*)"[^>]*?(?:\/>|>\s*<\/ri:user>)\s*(?:<ac:(?:plain-text-)?link-body>[\s\S]*?<\/ac:(?:plain-text-)?link-body>\s*)?<\/ac:link>/g;

/** The plain form the editor understands back, for a link to a seed person. */
const SIMPLE_USER_LINK = /<ac:link>\s*<ri:user ri:account-id="([^"]*)"\s*\/>\s*<\/ac:link>/g;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every name a person can be mentioned by, longest first so "@Mia Member" wins over "@Mia". */
const NAMES: Array<{ name: string; person: SeedPerson }> = PEOPLE.flatMap((person) => [
  { name: person.displayName, person },
  { name: person.displayName.split(' ')[0] ?? person.displayName, person },
]).sort((a, b) => b.name.length - a.name.length);

/** `@` at the start of a text run or after a space or bracket (so `ada@contoso.example` is no mention). */
const TYPED_MENTION = new RegExp(
  `(^|[\\s(;])@(${NAMES.map((n) => escapeRegExp(n.name)).join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/** Turns typed "@Name" into user links, in text only: never inside tags or an existing link. */
export function typedMentionsToStorage(storage: string): string {
  let linkDepth = 0;
  return storage
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<ac:link\b/i.test(part) && !part.endsWith('/>')) linkDepth++;
        if (/^<\/ac:link\s*>/i.test(part)) linkDepth = Math.max(linkDepth - 1, 0);
        return part;
      }
      if (linkDepth > 0) return part;
      return part.replace(TYPED_MENTION, (_match, before: string, name: string) => {
        const found = NAMES.find((n) => n.name.toLowerCase() === name.toLowerCase());
        return found ? `${before}${userLink(found.person.accountId)}` : _match;
      });
    })
    .join('');
}

/** Shows user links to seed people as "@Display Name" for the editor; other links stay as they are. */
export function storageToTypedMentions(storage: string): string {
  return storage.replace(SIMPLE_USER_LINK, (link, accountId: string) => {
    const person = PEOPLE.find((p) => p.accountId === accountId);
    return person ? `@${person.displayName}` : link;
  });
}

/** Renders user links as "@Display Name" lozenges; the viewer's own mention stands out, as in Confluence. */
export function renderMentions(markup: string, viewerId?: string): string {
  return markup.replace(USER_LINK, (_link, accountId: string) => {
    const mine = accountId === viewerId ? ' mention-me' : '';
    return `<span class="mention${mine}" data-testid="mention" data-account-id="${escapeHtml(accountId)}">@${escapeHtml(personName(accountId))}</span>`;
  });
}
