import type { SimContext } from '../sim-context';

/**
 * A card on a channel or chat message that a Universal Action's answer replaced for the person
 * who pressed the button. The message itself is unchanged (the app did not send it; the person
 * did, through the app), so Graph still shows the original; the Teams view shows this person's
 * card in its place.
 */
export interface CardUpdate {
  conversationId: string;
  messageId: string;
  attachmentId: string;
  oid: string;
  card: Record<string, unknown>;
  at: number;
}

const updatesOf = (ctx: SimContext): CardUpdate[] => {
  const data = ctx.state.data as { cardUpdates?: CardUpdate[] };
  data.cardUpdates ??= [];
  return data.cardUpdates;
};

export function recordCardUpdate(ctx: SimContext, update: Omit<CardUpdate, 'at'>): void {
  const all = updatesOf(ctx);
  const same = (u: CardUpdate) =>
    u.conversationId === update.conversationId &&
    u.messageId === update.messageId &&
    u.attachmentId === update.attachmentId &&
    u.oid === update.oid.toLowerCase();
  const index = all.findIndex(same);
  const record = { ...update, oid: update.oid.toLowerCase(), at: ctx.clock() };
  if (index >= 0) all[index] = record;
  else all.push(record);
  ctx.state.changed();
}

/** The cards replaced for one person (the viewer), to draw instead of the posted ones. */
export const cardUpdatesFor = (ctx: SimContext, oid: string): CardUpdate[] =>
  updatesOf(ctx).filter((u) => u.oid === oid.toLowerCase());
