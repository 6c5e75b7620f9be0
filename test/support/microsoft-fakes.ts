/** Microsoft (Teams through Graph, Entra) as the application's ports see it, scripted. */
import type {
  MicrosoftIdentity,
  OutgoingCard,
  GraphTeams,
  TokenSet,
} from '../../src/application/ports/microsoft';
import type { Destination } from '../../src/domain/rule';

/**
 * A scripted post or reply that Teams stores, though its answer is lost: `error` reaches the
 * sender. `messageId` names the stored message (by default the one the call would have answered).
 */
export class LostAnswer {
  constructor(
    readonly error: Error,
    readonly messageId?: string,
  ) {}
}

/** A call to the Teams messenger: the token, where it went and the card and send id it carried. */
export interface PostedCard {
  token: string;
  destination: Destination;
  message?: OutgoingCard;
}
export interface CardOnMessage {
  token: string;
  messageId: string;
  message: OutgoingCard;
}
/** A message Teams holds, found again by the send id its attachment carries. */
export interface HeldMessage {
  messageId: string;
  attachmentId?: string;
}

export interface ScriptedTeams extends GraphTeams {
  /** Every new message posted, in order. */
  postedCards(): PostedCard[];
  /** Every edit of a message, in order. */
  updatedCards(): CardOnMessage[];
  /** Every reply in a thread, in order. */
  repliedCards(): CardOnMessage[];
  /** Every look for an earlier message by its send id (and thread), in order. */
  lookups(): Array<{ attachmentId: string; replyToId?: string }>;
  /** The messages Teams holds: those posted (answered or lost) and those it was given. */
  heldMessages(): HeldMessage[];
  /** Messages Teams holds already, as if sent before this test. */
  holds(...messages: HeldMessage[]): void;
}

/**
 * A Teams messenger whose posts answer from a script: a result, an error, or a LostAnswer per
 * call. Messages it stored (`stored`: answered or lost) can be found again by their send id, which
 * Graph's message carries as its attachment's id. `message`: the card and send id each call got.
 */
export const scriptedTeams = (
  script: Array<Error | LostAnswer | { messageId: string; webUrl?: string | null }> = [],
  more: { updates?: Array<Error | null>; replies?: Array<Error | LostAnswer | { messageId: string }> } = {},
): ScriptedTeams => {
  const posts: PostedCard[] = [];
  const updates: CardOnMessage[] = [];
  const replies: CardOnMessage[] = [];
  const stored: HeldMessage[] = [];
  const searches: Array<{ attachmentId: string; replyToId?: string }> = [];
  return {
    postedCards: () => [...posts],
    updatedCards: () => [...updates],
    repliedCards: () => [...replies],
    lookups: () => [...searches],
    heldMessages: () => [...stored],
    holds: (...messages) => void stored.push(...messages),
    findRecentMessage: async (_token, _destination, sendId, replyToId) => {
      searches.push({ attachmentId: sendId, ...(replyToId ? { replyToId } : {}) });
      return stored.find((m) => m.attachmentId === sendId)?.messageId ?? null;
    },
    updateMessage: async (token, _destination, messageId, message) => {
      updates.push({ token, messageId, message });
      const next = more.updates?.shift();
      if (next instanceof Error) throw next;
    },
    replyToMessage: async (token, _destination, messageId, message) => {
      replies.push({ token, messageId, message });
      const next = more.replies?.shift() ?? { messageId: `r-${replies.length}` };
      if (next instanceof Error) throw next;
      if (next instanceof LostAnswer) {
        stored.push({ messageId: next.messageId ?? `r-${replies.length}`, attachmentId: message.sendId });
        throw next.error;
      }
      return next;
    },
    listJoinedTeams: async () => ({ items: [], truncated: false }),
    listChannels: async () => ({ items: [], truncated: false }),
    listChats: async () => ({ items: [], truncated: false }),
    postMessage: async (token, destination, message) => {
      posts.push({ token, destination, message });
      const next = script.shift() ?? { messageId: `m-${posts.length}` };
      if (next instanceof Error) throw next;
      if (next instanceof LostAnswer) {
        stored.push({ messageId: next.messageId ?? `m-${posts.length}`, attachmentId: message.sendId });
        throw next.error;
      }
      stored.push({ messageId: next.messageId, attachmentId: message.sendId });
      return next;
    },
  };
};

export interface ScriptedIdentity extends MicrosoftIdentity {
  /** The refresh tokens each refresh used, in order. */
  refreshTokensUsed(): string[];
  /** The scopes each refresh asked for, in order. */
  scopesRequested(): string[][];
}

export const scriptedIdentity = (refreshes: Array<Error | TokenSet>): ScriptedIdentity => {
  const refreshedWith: string[] = [];
  const scopesAskedFor: string[][] = [];
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    refreshTokensUsed: () => [...refreshedWith],
    scopesRequested: () => scopesAskedFor.map((scopes) => [...scopes]),
    authorizeUrl: () => 'https://login.example/authorize',
    adminConsentUrl: () => 'https://login.example/adminconsent',
    redeemCode: never,
    clientCredentials: never,
    refresh: async (_app, { refreshToken, scopes }) => {
      refreshedWith.push(refreshToken);
      scopesAskedFor.push([...scopes]);
      const next = refreshes.shift();
      if (!next) throw new Error('no scripted refresh left');
      if (next instanceof Error) throw next;
      return next;
    },
  };
};
