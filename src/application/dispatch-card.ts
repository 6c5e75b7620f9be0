import { afterPost, afterReply, afterUpdate } from '../domain/activity-updates';
import type { DestinationActivity, PostedCard } from '../domain/destination-activity';
import type { GraphDestination } from '../domain/rule';
import { isContentChange, pacingDelayMs, type FloodSettings, type SendPlan } from '../domain/send-plan';
import type { AccessTokenDeps } from './access-tokens';
import type { Timer } from './ports/delivery-flow';
import { MicrosoftRequestError, type TeamsMessenger } from './ports/microsoft';
import { asOwner, isTransient } from './send-as-owner';

export interface DispatchDeps extends AccessTokenDeps {
  teams: TeamsMessenger;
  timer: Timer;
}

export interface DispatchArgs {
  plan: Extract<SendPlan, { action: 'post' | 'update' | 'reply' }>;
  destination: GraphDestination;
  ownerAccountId: string;
  message: object;
  activity: DestinationActivity;
  change: { contentId: string; kind: PostedCard['kind']; version: number; eventTime: number };
  settings: FloodSettings;
}

export interface Dispatched {
  via: 'post' | 'update' | 'reply';
  messageId: string;
  activity: DestinationActivity;
}

/** Graph refused this edit or reply for good (not throttling, not a token problem). */
const refused = (error: unknown): error is MicrosoftRequestError =>
  error instanceof MicrosoftRequestError && error.status !== 401 && !isTransient(error);

/**
 * Sends one card as planned, falling back where Teams will not do what was planned: an edit it
 * refuses becomes a reply in the card's thread (channels) or a new card (chats, or when the
 * card is gone); a reply under a deleted card becomes a new card.
 */
export const dispatchCard = async (deps: DispatchDeps, args: DispatchArgs): Promise<Dispatched> => {
  const { destination, ownerAccountId, message, change, settings } = args;
  const now = () => deps.clock.now().getTime();
  await deps.timer.sleep(pacingDelayMs(args.activity, now(), settings));

  const post = async (): Promise<Dispatched> => {
    const { messageId } = await asOwner(deps, ownerAccountId, (t) =>
      deps.teams.postMessage(t, destination, message),
    );
    const card: PostedCard = {
      messageId,
      postedAt: change.eventTime,
      senderAccountId: ownerAccountId,
      kind: change.kind,
      baseVersion: isContentChange(change.kind) ? change.version - 1 : change.version,
      version: change.version,
      edits: 1,
    };
    const facts = { contentId: change.contentId, card, now: now(), ...settings };
    return { via: 'post', messageId, activity: afterPost(args.activity, facts) };
  };
  const reply = async (card: PostedCard): Promise<Dispatched> => {
    if (destination.type !== 'channel') return post();
    try {
      const { messageId } = await asOwner(deps, ownerAccountId, (t) =>
        deps.teams.replyToMessage(t, destination, card.messageId, message),
      );
      const shown = afterUpdate(args.activity, change.contentId, change.version, now());
      return { via: 'reply', messageId, activity: afterReply(shown, now()) };
    } catch (error) {
      // The card was deleted: start a new one.
      if (!refused(error) || error.status !== 404) throw error;
      await deps.timer.sleep(settings.requestGapMs);
      return post();
    }
  };

  const { plan } = args;
  if (plan.action === 'post') return post();
  if (plan.action === 'reply') return reply(plan.card);
  try {
    await asOwner(deps, ownerAccountId, (t) =>
      deps.teams.updateMessage(t, destination, plan.card.messageId, message),
    );
    return {
      via: 'update',
      messageId: plan.card.messageId,
      activity: afterUpdate(args.activity, change.contentId, change.version, now()),
    };
  } catch (error) {
    if (!refused(error)) throw error;
    await deps.timer.sleep(settings.requestGapMs);
    return error.status === 404 ? post() : reply(plan.card);
  }
};
