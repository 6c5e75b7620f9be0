import { randomUUID } from 'node:crypto';
import type { SeedPerson } from '../../seed';
import type { ChannelAnswer } from '../bot-framework/bot-channel';
import { hasBot } from '../connector/bot-connector';
import type { SimContext } from '../sim-context';
import { firstAppLink } from './teams-app-settings';
import { isRefusal, placeFields, placeFor, type InvokePlace, type Refusal } from './invoke-place';

/** Teams waits 5 seconds for an invoke's answer, then tells the person the app did not answer. */
export const INVOKE_TIMEOUT_MS = 5000;

/** The app's raw answer to an invoke; `timedOut` when it took longer than Teams waits. */
export type InvokeAnswer = ChannelAnswer;

/** Who acts and where: a person (Entra object id) in a channel or chat (absent: their chat with the bot). */
export interface Actor {
  from: string;
  /** A channel id (`19:…@thread.tacv2`) or chat id; absent: the person's chat with the bot. */
  conversation?: string;
}

export interface Acting {
  person: SeedPerson;
  place: InvokePlace;
}

/** The person and the place, if Teams would let them use the app there. */
export function actingAs(ctx: SimContext, actor: Actor, needsApp = true): Acting | Refusal {
  const person = ctx.directory.personByOid(actor.from);
  if (!person) return { status: 404, error: 'No such person in the tenant.' };
  if (needsApp && !hasBot(ctx, person.oid))
    return {
      status: 403,
      error: `${person.displayName} has not added Teams for Confluence; add it under Apps first.`,
    };
  const place = placeFor(ctx, person, actor.conversation);
  if (isRefusal(place)) return place;
  return { person, place };
}

/**
 * Sends an invoke as Teams does for the person's action in that place: signed like every
 * activity of the BotChannel, from the person (with `aadObjectId`), to the bot, in the place's
 * conversation, and waits at most 5 seconds.
 */
export async function sendInvoke(
  ctx: SimContext,
  acting: Acting,
  name: string,
  value: Record<string, unknown>,
  extra: { threadRootId?: string; replyToId?: string } = {},
): Promise<InvokeAnswer> {
  return ctx.botChannel.send({
    from: acting.person.oid,
    timeoutMs: INVOKE_TIMEOUT_MS,
    activity: {
      type: 'invoke',
      name,
      value,
      ...placeFields(acting.place, extra.threadRootId),
      ...(extra.replyToId ? { replyToId: extra.replyToId } : {}),
      entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web' }],
    },
  });
}

/** What the person typed in the search extension; nothing typed yet is the `initialRun` query. */
export interface SearchInput {
  query?: string;
  space?: string;
  /** Default the package's `searchConfluence`; another id tests an invoke for an unknown command. */
  commandId?: string;
}

/**
 * `composeExtension/query` for the manifest's `searchConfluence` command: the first query of an
 * `initialRun` command carries only `initialRun: true`; later ones the typed parameters.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
 */
export function searchValue(input: SearchInput): Record<string, unknown> {
  const parameters =
    input.query === undefined && input.space === undefined
      ? [{ name: 'initialRun', value: 'true' }]
      : [
          { name: 'query', value: input.query ?? '' },
          ...(input.space ? [{ name: 'space', value: input.space }] : []),
        ];
  return {
    commandId: input.commandId ?? 'searchConfluence',
    parameters,
    queryOptions: { skip: 0, count: 25 },
  };
}

/** The first link to the app's domains in the text, or why Teams would send nothing. */
export function linkToUnfurl(ctx: SimContext, text: string): string | Refusal {
  const url = firstAppLink(ctx.teamsApp, text);
  if (url) return url;
  return {
    status: 422,
    error: `Teams unfurls only links to the app's domains (${ctx.teamsApp.linkDomains.join(', ') || 'none set'}).`,
  };
}

export const requestId = (): string => randomUUID().replace(/-/g, '');
