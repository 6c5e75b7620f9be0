import {
  AuthenticationHandler,
  Client,
  GraphError,
  RetryHandler,
  RetryHandlerOptions,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import {
  MicrosoftRequestError,
  RECENT_MESSAGES_SCANNED,
  type ChannelSummary,
  type ChatSummary,
  type Listing,
  type TeamSummary,
  type GraphTeams,
} from '../application/ports/microsoft';
import type { GraphDestination } from '../domain/rule';
import { parseRetryAfter } from './entra-identity.adapter';
import { chatMessageWithCard } from './graph-chat-message';
import { GraphFetchMiddleware } from './graph-fetch.middleware';
import { graphFailureKind, noAnswer } from './microsoft-failures';

export interface GraphClientOptions {
  /**
   * In-request retries of 429/503/504 (honouring Retry-After). Pickers want a few; the queue
   * consumer wants none: it hands Retry-After to the queue instead of sleeping on GB-seconds.
   */
  retries: number;
  /** How far a picker's listing pages; LISTING_LIMITS when absent. */
  listing?: ListingLimits;
}

export interface ListingLimits {
  /** Pages fetched at most (the first always is). */
  maxPages: number;
  /** No page is asked for once this many ms have passed since the first was. */
  budgetMs: number;
}

/**
 * A resolver has 25 s, and the token and the answer need some of it: ten pages (1,000 teams or
 * channels, 500 chats) and 8 s of paging leave room for a slow Graph and its in-request retries.
 */
export const LISTING_LIMITS: ListingLimits = { maxPages: 10, budgetMs: 8_000 };

export const graphClient = (accessToken: string, options: GraphClientOptions): Client => {
  const auth = new AuthenticationHandler({ getAccessToken: () => Promise.resolve(accessToken) });
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.retries, () => options.retries > 0));
  auth.setNext(retry);
  retry.setNext(new GraphFetchMiddleware());
  return Client.initWithMiddleware({ middleware: auth, defaultVersion: 'v1.0' });
};

/**
 * Translates the Graph client's errors (and dropped connections) at the boundary, into the kinds
 * the application branches on; the status and Graph's code stay as detail.
 */
export const translate = (error: unknown): never => {
  // The client reports a request that got no answer (dropped connection) as statusCode -1.
  if ((error instanceof GraphError && error.statusCode <= 0) || error instanceof TypeError) {
    throw noAnswer('Could not reach Microsoft Graph');
  }
  if (error instanceof GraphError) {
    throw new MicrosoftRequestError(
      graphFailureKind(error.statusCode),
      error.statusCode,
      error.code ?? `http_${error.statusCode}`,
      `Microsoft Graph answered ${error.statusCode} (${error.code ?? 'no code'})`,
      parseRetryAfter(error.headers?.get('retry-after') ?? null),
    );
  }
  throw error;
};

/**
 * Follows `@odata.nextLink` unchanged until Graph stops sending one, or the limits are reached:
 * then the listing is `truncated`.
 * @see https://learn.microsoft.com/graph/paging
 */
const getAll = async <T>(client: Client, path: string, limits: ListingLimits): Promise<Listing<T>> => {
  const started = Date.now();
  let page = (await client.api(path).get()) as PageCollection;
  const items = [...(page.value as T[])];
  for (let pages = 1; page['@odata.nextLink']; pages += 1) {
    if (pages >= limits.maxPages || Date.now() - started >= limits.budgetMs)
      return { items, truncated: true };
    page = (await client.api(page['@odata.nextLink']).get()) as PageCollection;
    items.push(...(page.value as T[]));
  }
  return { items, truncated: false };
};

const mapItems = <T, U>(listing: Listing<T>, map: (item: T) => U): Listing<U> => ({
  items: listing.items.map(map),
  truncated: listing.truncated,
});

/** Graph's largest page of messages. */
const MESSAGE_PAGE = 50;

/**
 * Reads the newest messages page by page (newest first) until one carries the attachment, or
 * RECENT_MESSAGES_SCANNED have been looked at.
 * @see https://learn.microsoft.com/graph/api/channel-list-messages
 * @see https://learn.microsoft.com/graph/api/chat-list-messages
 * @see https://learn.microsoft.com/graph/api/chatmessage-list-replies
 */
const findByAttachment = async (client: Client, path: string, sendId: string) => {
  type Listed = { id: string; attachments?: Array<{ id?: string | null }> | null };
  let next: string | undefined = `${path}?$top=${MESSAGE_PAGE}`;
  for (let scanned = 0; next && scanned < RECENT_MESSAGES_SCANNED;) {
    const page = (await client.api(next).get()) as PageCollection;
    const messages = page.value as Listed[];
    const found = messages.find((m) => (m.attachments ?? []).some((a) => a.id === sendId));
    if (found) return found.id;
    scanned += Math.max(messages.length, 1);
    next = page['@odata.nextLink'];
  }
  return null;
};

const messagesPath = (destination: GraphDestination): string =>
  destination.type === 'channel'
    ? `/teams/${encodeURIComponent(destination.teamId)}/channels/${encodeURIComponent(destination.channelId)}/messages`
    : `/chats/${encodeURIComponent(destination.chatId)}/messages`;

/**
 * @see https://learn.microsoft.com/graph/api/channel-post-messages
 * @see https://learn.microsoft.com/graph/api/chat-post-messages
 */
export const graphTeamsMessenger = (options: GraphClientOptions): GraphTeams => {
  const limits = options.listing ?? LISTING_LIMITS;
  return {
    listJoinedTeams: (token) =>
      getAll<TeamSummary>(graphClient(token, options), '/me/joinedTeams?$select=id,displayName', limits)
        .then((teams) => mapItems(teams, ({ id, displayName }) => ({ id, displayName })))
        .catch(translate),

    listChannels: (token, teamId) =>
      getAll<ChannelSummary>(
        graphClient(token, options),
        `/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName,membershipType`,
        limits,
      )
        .then((channels) =>
          mapItems(channels, ({ id, displayName, membershipType }) => ({ id, displayName, membershipType })),
        )
        .catch(translate),

    listChats: (token) =>
      getAll<ChatSummary & { topic: string | null }>(graphClient(token, options), '/me/chats?$top=50', limits)
        .then((chats) => mapItems(chats, ({ id, topic, chatType }) => ({ id, topic: topic ?? '', chatType })))
        .catch(translate),

    postMessage: async (token, destination, outgoing) => {
      try {
        const posted = (await graphClient(token, options)
          .api(messagesPath(destination))
          .post(chatMessageWithCard(outgoing))) as {
          id: string;
          webUrl?: string | null;
        };
        return { messageId: posted.id, webUrl: posted.webUrl ?? null };
      } catch (error) {
        return translate(error);
      }
    },

    // @see https://learn.microsoft.com/graph/api/chatmessage-update (204, sender only)
    updateMessage: async (token, destination, messageId, outgoing) => {
      try {
        await graphClient(token, options)
          .api(`${messagesPath(destination)}/${encodeURIComponent(messageId)}`)
          .patch(chatMessageWithCard(outgoing));
      } catch (error) {
        translate(error);
      }
    },

    findRecentMessage: (token, destination, sendId, replyToId) => {
      const path = replyToId
        ? `${messagesPath(destination)}/${encodeURIComponent(replyToId)}/replies`
        : messagesPath(destination);
      return findByAttachment(graphClient(token, options), path, sendId).catch(translate);
    },

    // @see https://learn.microsoft.com/graph/api/chatmessage-post-replies
    replyToMessage: async (token, destination, messageId, outgoing) => {
      try {
        const posted = (await graphClient(token, options)
          .api(`${messagesPath(destination)}/${encodeURIComponent(messageId)}/replies`)
          .post(chatMessageWithCard(outgoing))) as { id: string };
        return { messageId: posted.id };
      } catch (error) {
        return translate(error);
      }
    },
  };
};
