import type { Connection } from '../../domain/connection';
import type { Conversation } from '../../domain/conversation';
import type { DeliveryRecord } from '../../domain/delivery';
import type { DestinationActivity } from '../../domain/destination-activity';
import type { PersonalDigest } from '../../domain/personal-hold';
import type { PersonalPreferences } from '../../domain/preferences';
import type { Rule } from '../../domain/rule';
import type { TenantMapping } from '../../domain/tenant-mapping';
import type { ImportedMapping } from '../../domain/user-mapping';
import type { BotRegistration } from './bot';
import type { CachedBotToken } from './bot-messenger';
import type { AccessTokenCopy } from './stores';

/** What one delivery needs from storage before it acts, named by key. */
export interface DeliverySnapshotRequest {
  deliveryKey: string;
  /** The destination's activity record (the delivery's concurrency key). */
  destinationKey: string;
  /** The page (or blog post) whose card in the destination the delivery may update or reply under. */
  contentId: string;
  /** Connections: the senders' (who may send) and the people a card may @mention (the author). */
  accountIds: readonly string[];
  ruleIds: readonly string[];
  /** Whose Graph access token copy to read: the senders'. */
  tokenAccountIds?: readonly string[];
  /** Whose imported user mapping to read: the people a card may @mention, known before it is composed. */
  mappedAccountIds?: readonly string[];
  /**
   * A personal delivery: its recipient's preferences, held cards and, when the queue message
   * names their Microsoft user (`tid:oid`), the bot's conversation with them; and the bot's
   * registration and connector token.
   */
  personal?: { accountId: string; microsoftUser?: string };
}

/** A personal delivery's records (`DeliverySnapshotRequest.personal`). */
export interface PersonalSnapshot {
  preferences: PersonalPreferences | null;
  digest: PersonalDigest | null;
  /** Absent when the request named no Microsoft user. */
  conversation?: { microsoftUser: string; conversation: Conversation | null };
  botRegistration: BotRegistration | null;
  botToken: CachedBotToken | null;
}

/** Everything asked for, read together; a record not stored is `null`. Plain data throughout. */
export interface DeliverySnapshot {
  previous: DeliveryRecord | null;
  activity: DestinationActivity | null;
  connections: Array<{ accountId: string; connection: Connection | null }>;
  /** The asked-for rules that exist. */
  rules: Rule[];
  tenant: TenantMapping | null;
  accessTokens: Array<{ accountId: string; token: AccessTokenCopy | null }>;
  /** The asked-for imported mappings that exist. */
  userMappings: ImportedMapping[];
  personal?: PersonalSnapshot;
}

/** What one delivery writes when it is done: its row, its destination's activity, held cards. */
export interface DeliveryChanges {
  rows: DeliveryRecord[];
  activity: Array<{ destinationKey: string; activity: DestinationActivity }>;
  personalDigests?: PersonalDigest[];
  /**
   * The event's de-duplication key, marked handled in the ledger the trigger reads (the trigger
   * writes nothing): a later redelivery of the event stops there.
   */
  handledEvent?: string;
}

/**
 * Reads everything a delivery needs in one storage round trip (a batch takes 25 keys; more go
 * side by side), and writes what it recorded in one. On Forge each KVS call is a network round
 * trip the consumer waits (and is billed) for.
 */
export interface DeliverySnapshotStore {
  read(request: DeliverySnapshotRequest): Promise<DeliverySnapshot>;
  write(changes: DeliveryChanges): Promise<void>;
}
