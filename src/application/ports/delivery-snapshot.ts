import type { Connection } from '../../domain/connection';
import type { DeliveryRecord } from '../../domain/delivery';
import type { DestinationActivity } from '../../domain/destination-activity';
import type { Rule } from '../../domain/rule';

/** What one delivery needs from storage before it acts, named by key. */
export interface DeliverySnapshotRequest {
  deliveryKey: string;
  /** The destination's activity record (the delivery's concurrency key). */
  destinationKey: string;
  accountIds: readonly string[];
  ruleIds: readonly string[];
}

/** Everything asked for, read together; a connection not stored is `null`. Plain data throughout. */
export interface DeliverySnapshot {
  previous: DeliveryRecord | null;
  activity: DestinationActivity | null;
  connections: Array<{ accountId: string; connection: Connection | null }>;
  /** The asked-for rules that exist. */
  rules: Rule[];
}

/** What one delivery writes when it is done: its row and its destination's activity. */
export interface DeliveryChanges {
  rows: DeliveryRecord[];
  activity: Array<{ destinationKey: string; activity: DestinationActivity }>;
}

/**
 * Reads a delivery's row, its destination's activity, its senders' connections and rules in
 * one storage round trip, and writes its row and activity in one. On Forge each KVS call is a
 * network round trip the consumer waits (and is billed) for.
 */
export interface DeliverySnapshotStore {
  read(request: DeliverySnapshotRequest): Promise<DeliverySnapshot>;
  write(changes: DeliveryChanges): Promise<void>;
}
