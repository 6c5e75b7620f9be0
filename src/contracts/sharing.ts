import type { GraphDestination } from './rules';

/** "Share to Teams" on a page: one card, now, to a channel or chat the caller picked. */
export interface ShareInput {
  contentId: string;
  destination: GraphDestination;
  note?: string;
}
