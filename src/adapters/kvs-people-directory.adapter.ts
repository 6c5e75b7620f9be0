import kvs, { WhereConditions } from '@forge/kvs';
import type {
  ConnectionDirectory,
  ConversationDirectory,
  NoticeLedger,
} from '../application/ports/people-directory';
import type { Connection } from '../domain/connection';
import type { Conversation } from '../domain/conversation';
import { ENTITY, hashKeyPart, INDEX, KEY } from './kvs-keys';

/** Forge answers at most 100 items per query page. */
const PAGE_SIZE = 100;

export const kvsConnectionDirectory: ConnectionDirectory = {
  pageByStatus: async (status, cursor) => {
    let query = kvs
      .entity<{ data: Connection }>(ENTITY.connection)
      .query()
      .index(INDEX.byStatus, { partition: [status] })
      .limit(PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { items: page.results.map((r) => r.value.data), cursor: page.nextCursor ?? null };
  },
};

export const kvsConversationDirectory: ConversationDirectory = {
  page: async (cursor) => {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(KEY.conversation('')))
      .limit(PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<Conversation>();
    return { items: page.results.map((r) => r.value), cursor: page.nextCursor ?? null };
  },
};

export const kvsNoticeLedger: NoticeLedger = {
  wasSent: async (noticeKey) => (await kvs.get(KEY.noticeSent(hashKeyPart(noticeKey)))) !== undefined,
  markSent: (noticeKey, ttlSeconds) =>
    kvs.set(KEY.noticeSent(hashKeyPart(noticeKey)), 1, { ttl: { value: ttlSeconds, unit: 'SECONDS' } }),
};
