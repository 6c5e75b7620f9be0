import type { PlannedDelivery } from '../../domain/delivery-plan';
import type { PersonalAudienceRequest } from '../../domain/personal-notification';
import type { RoutePartition } from '../../domain/rule-routes';

/** Hands planned deliveries to the queue consumer. */
export interface DeliveryQueue {
  /** One push for everything an event gives: its deliveries and, when any, its personal side. */
  enqueue(deliveries: readonly PlannedDelivery[], personal?: PersonalAudienceRequest): Promise<void>;
}

/** Asks for partitions' routes to be built (rule-routes.ts), apart from the event that found them missing. */
export interface RouteBuildQueue {
  request(partitions: readonly RoutePartition[]): Promise<void>;
}

/** Puts a delivery the consumer took back on the queue, to run later. */
export interface DeliveryRequeue {
  /**
   * Hands a delivery back to the queue to run again after `delaySeconds` (≥ 1), under its
   * destination's concurrency key: a fresh message, so it keeps all of the platform's retries.
   */
  defer(delivery: PlannedDelivery, delaySeconds: number): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Random {
  /** URL-safe random string from `bytes` random bytes. */
  token(bytes: number): string;
  uuid(): string;
}

/** The app's own public URLs. */
export interface AppUrls {
  oauthRedirectUri(): Promise<string>;
  /** The app's personal page on this site, where a finished Microsoft sign-in is redeemed. */
  personalPageUrl(siteUrl: string): string;
  /** The companion bot's messaging endpoint (the `bot-messages` web trigger), to register in Azure or Developer Portal. */
  botMessagingEndpoint(): Promise<string>;
}
