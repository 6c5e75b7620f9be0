import type { SimContext } from '../sim-context';
import type { ActionOutcome } from '../teams-view/action-outcome';
import { cardUpdatesFor, type CardUpdate } from './card-updates';
import type { LinkOutcome, SearchOutcome, TaskOutcome } from './extension-outcome';
import { isRefusal, type Refusal } from './invoke-place';
import { findMessage } from './message-payload';
import type { TeamsAppSettings } from './teams-app-settings';
import * as actions from './teams-actions';
import type { Exchange } from './teams-actions';
import type { Actor, SearchInput } from './teams-client';

/** Teams would not let the person do it (no app, not in the channel, no such message…). */
export class TeamsRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TeamsRefusal';
  }
}

const unwrap = <T>(value: T | Refusal): T => {
  if (isRefusal(value)) throw new TeamsRefusal(value.status, value.error);
  return value;
};

/** A message in a channel or chat, and the action a person takes on it. */
export interface OnMessage extends Actor {
  conversation: string;
  messageId: string;
}

/**
 * The simulator's Teams client for tests (`sandbox.microsoft.teams`): each helper does what a
 * person does in the Teams view and returns the app's raw answer (`answer`: HTTP status and
 * body, `timedOut` after Teams' 5 seconds) with what Teams makes of it (`outcome`). Every invoke
 * is signed as the BotChannel signs activities. A helper throws `TeamsRefusal` where Teams would
 * not let the person act at all (app not added, channel not theirs, no such message).
 */
export interface TeamsDriver {
  /** The companion app's package as Teams knows it: catalog id and link domains (hosts). */
  app(): TeamsAppSettings;
  configureApp(settings: Partial<TeamsAppSettings>): void;
  /** The search extension: no `query` and no `space` is the opening (`initialRun`) query. */
  search(input: Actor & SearchInput): Promise<Exchange<SearchOutcome>>;
  /** Pastes `text` (or a `url`) holding a link to the app's domains: `composeExtension/queryLink`. */
  pasteLink(input: Actor & ({ text: string } | { url: string })): Promise<Exchange<LinkOutcome>>;
  /** "…" › Comment in Confluence on a message: `composeExtension/fetchTask` (command `commentOnMessage`). */
  messageAction(input: OnMessage & { commandId?: string }): Promise<Exchange<TaskOutcome>>;
  /** The dialog's Action.Submit: `composeExtension/submitAction` with `data`. */
  submitAction(
    input: OnMessage & { data: Record<string, unknown>; commandId?: string },
  ): Promise<Exchange<TaskOutcome>>;
  /** An Action.Execute on the app's card in a channel/chat message (default: its first card). */
  executeOnMessage(
    input: OnMessage & {
      verb?: string;
      actionId?: string;
      data?: Record<string, unknown>;
      attachmentId?: string;
    },
  ): Promise<Exchange<ActionOutcome>>;
  /** Send: text and the cards the extension inserted, posted as the person ("via" the app). */
  postComposed(input: Actor & { conversation: string; text?: string; cards?: Record<string, unknown>[] }): {
    id: string;
    webUrl: string;
  };
  /** Cards that an Action.Execute answer replaced for this person, in channels and chats. */
  cardUpdates(oid: string): CardUpdate[];
}

export function teamsDriver(ctx: SimContext): TeamsDriver {
  return {
    app: () => structuredClone(ctx.teamsApp),
    configureApp(settings) {
      if (settings.appId !== undefined) ctx.teamsApp.appId = settings.appId;
      if (settings.linkDomains !== undefined)
        ctx.teamsApp.linkDomains = settings.linkDomains.map((d) => d.toLowerCase());
    },
    search: async (input) => unwrap(await actions.search(ctx, input)),
    pasteLink: async (input) =>
      unwrap(await actions.pasteLink(ctx, { ...input, text: 'text' in input ? input.text : input.url })),
    messageAction: async (input) => unwrap(await actions.messageAction(ctx, input)),
    submitAction: async (input) => unwrap(await actions.submitAction(ctx, input)),
    executeOnMessage: async (input) => {
      const stored = findMessage(ctx, input.conversation, input.messageId);
      const attachmentId =
        input.attachmentId ?? stored?.resource.attachments.find((a) => a.teamsAppId)?.id ?? '';
      return unwrap(await actions.executeOnMessage(ctx, { ...input, attachmentId }));
    },
    postComposed: (input) =>
      unwrap(actions.sendComposed(ctx, { ...input, text: input.text ?? '', cards: input.cards ?? [] })),
    cardUpdates: (oid) => cardUpdatesFor(ctx, oid),
  };
}
