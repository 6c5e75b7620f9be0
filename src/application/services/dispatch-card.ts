import { afterPost, afterReply, afterUpdate } from '../../domain/activity-updates';
import type { Connection } from '../../domain/connection';
import { editorsWith, type DestinationActivity, type PostedCard } from '../../domain/destination-activity';
import { grantsPermission, READ_MESSAGES_PERMISSIONS } from '../../domain/microsoft-permissions';
import type { GraphDestination } from '../../domain/rule';
import { isContentChange, type FloodSettings, type SendPlan } from '../../domain/send-plan';
import type { AccessTokenDeps } from './access-tokens';
import type { OutgoingCard, TeamsMessenger } from '../ports/microsoft';
import { isRefusal, mayHaveBeenDone } from './microsoft-failures';
import { asOwner } from './send-as-owner';

export interface DispatchDeps extends AccessTokenDeps {
  teams: TeamsMessenger;
}

/** One message to create in Teams, as one person, findable again by its send id. */
export interface Send {
  destination: GraphDestination;
  ownerAccountId: string;
  /** The owner's connection as just read (null: none), for the token and the granted scopes. */
  connection: Connection | null;
  /** The card, and the send id that is the same on every attempt of this send. */
  outgoing: OutgoingCard;
  /** An earlier attempt may have created the message without hearing back (a queue retry). */
  mayHaveSent: boolean;
}

export interface DispatchArgs extends Send {
  plan: Extract<SendPlan, { action: 'post' | 'update' | 'reply' }>;
  activity: DestinationActivity;
  change: {
    contentId: string;
    kind: PostedCard['kind'];
    version: number;
    eventTime: number;
    /** Who made the change (null: Confluence did not say), for the card's list of editors. */
    editorAccountId: string | null;
  };
  settings: FloodSettings;
}

export interface Dispatched {
  via: 'post' | 'update' | 'reply';
  messageId: string;
  activity: DestinationActivity;
}

/**
 * Creates a message (or a thread reply under `replyToId`) at most once. Teams has no idempotency
 * key, so before creating it again after a send that may have gone through (a retry, or a
 * connection that dropped before the answer came), the sender looks for the send id among
 * the newest messages and takes the message found. Without a permission to read messages there,
 * it sends again: a rare duplicate is better than a lost notification.
 */
export const createOnce = async (
  deps: DispatchDeps,
  send: Send,
  create: (accessToken: string) => Promise<{ messageId: string }>,
  where: { replyToId?: string } = {},
): Promise<string> => {
  const { replyToId } = where;
  const { destination, ownerAccountId: owner, connection } = send;
  const canLook = READ_MESSAGES_PERMISSIONS[destination.type].some((p) =>
    grantsPermission(connection?.scopes ?? [], p),
  );
  const look = () =>
    asOwner(
      deps,
      owner,
      (t) => deps.teams.findRecentMessage(t, destination, send.outgoing.sendId, replyToId),
      connection,
    );
  if (send.mayHaveSent && canLook) {
    const found = await look();
    if (found) return found;
  }
  try {
    return (await asOwner(deps, owner, create, connection)).messageId;
  } catch (error) {
    if (!canLook || !mayHaveBeenDone(error)) throw error;
    // Teams may have stored it: look now, once, without sleeping first (the function is billed
    // while it waits); the queue's retry looks again if this look comes too soon.
    const found = await look().catch(() => null);
    if (found) return found;
    throw error;
  }
};

type Step = (deps: DispatchDeps, args: DispatchArgs) => Promise<Dispatched>;

const nowOf = (deps: DispatchDeps) => deps.clock.now().getTime();

/** What afterUpdate needs to tell an edit (a newer version of the page) from a reply or a label. */
const editOf = (change: DispatchArgs['change']) => ({
  kind: change.kind,
  editorAccountId: change.editorAccountId,
});

/** A new card: the destination's activity starts tracking it for later edits. */
const postNew: Step = async (deps, args) => {
  const { destination, ownerAccountId, outgoing, change, settings } = args;
  const messageId = await createOnce(deps, args, (t) => deps.teams.postMessage(t, destination, outgoing));
  const card: PostedCard = {
    messageId,
    postedAt: change.eventTime,
    senderAccountId: ownerAccountId,
    kind: change.kind,
    baseVersion: isContentChange(change.kind) ? change.version - 1 : change.version,
    version: change.version,
    edits: 1,
    ...(isContentChange(change.kind) ? { editors: editorsWith(undefined, change.editorAccountId) } : {}),
  };
  const facts = { contentId: change.contentId, card, now: nowOf(deps), ...settings };
  return { via: 'post', messageId, activity: afterPost(args.activity, facts) };
};

/** A reply in the card's thread (channels only; a chat gets a new card, as does a deleted card). */
const replyInThread = async (
  deps: DispatchDeps,
  args: DispatchArgs,
  card: PostedCard,
): Promise<Dispatched> => {
  const { destination, outgoing, change } = args;
  if (destination.type !== 'channel') return postNew(deps, args);
  try {
    const messageId = await createOnce(
      deps,
      args,
      (t) => deps.teams.replyToMessage(t, destination, card.messageId, outgoing),
      { replyToId: card.messageId },
    );
    const shown = afterUpdate(args.activity, change.contentId, change.version, nowOf(deps), editOf(change));
    return { via: 'reply', messageId, activity: afterReply(shown, nowOf(deps)) };
  } catch (error) {
    // The card was deleted: start a new one.
    if (!isRefusal(error) || error.kind !== 'gone') throw error;
    return postNew(deps, args);
  }
};

/** The card replaced in place; an edit Teams refuses becomes a reply, a deleted card a new one. */
const updateInPlace = async (
  deps: DispatchDeps,
  args: DispatchArgs,
  card: PostedCard,
): Promise<Dispatched> => {
  const { destination, ownerAccountId, connection, outgoing, change } = args;
  try {
    await asOwner(
      deps,
      ownerAccountId,
      (t) => deps.teams.updateMessage(t, destination, card.messageId, outgoing),
      connection,
    );
    return {
      via: 'update',
      messageId: card.messageId,
      activity: afterUpdate(args.activity, change.contentId, change.version, nowOf(deps), editOf(change)),
    };
  } catch (error) {
    // The fallback follows at once rather than sleeping in a billed function: two or three
    // requests in a row, on a rare path; if Teams throttles, its 429 goes back to the queue with
    // Retry-After like any other.
    if (!isRefusal(error)) throw error;
    return error.kind === 'gone' ? postNew(deps, args) : replyInThread(deps, args, card);
  }
};

/**
 * Sends one card as planned, falling back where Teams will not do what was planned (see each
 * step). Pacing was done before: a send that had to wait came back through the queue
 * (services/pace-send.ts).
 */
export const dispatchCard = async (deps: DispatchDeps, args: DispatchArgs): Promise<Dispatched> => {
  const { plan } = args;
  if (plan.action === 'post') return postNew(deps, args);
  if (plan.action === 'reply') return replyInThread(deps, args, plan.card);
  return updateInPlace(deps, args, plan.card);
};
