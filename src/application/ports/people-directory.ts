import type { Connection } from '../../domain/connection';
import type { Conversation } from '../../domain/conversation';

/** One page of a listing and where the next starts (null: none). */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/** Everyone linked, a page at a time: the connection overview and the bot's notices. */
export interface ConnectionDirectory {
  /** At most 100 connections with `status`, through the `by-status` index. */
  pageByStatus(status: Connection['status'], cursor: string | null): Promise<Page<Connection>>;
}

/** The companion bot's stored 1:1 conversations, a page at a time. */
export interface ConversationDirectory {
  /** At most 100 stored conversations (installed or not). */
  page(cursor: string | null): Promise<Page<Conversation>>;
}

/** Markers of notices already sent (an expiry warning, a "log in again"), so each goes once. */
export interface NoticeLedger {
  wasSent(noticeKey: string): Promise<boolean>;
  markSent(noticeKey: string, ttlSeconds: number): Promise<void>;
}
