import type { PlannedDelivery } from '../../domain/delivery-plan';

/** Hands planned deliveries to the queue consumer. */
export interface DeliveryQueue {
  enqueue(deliveries: readonly PlannedDelivery[]): Promise<void>;
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
