import { createHash } from 'node:crypto';
import { ENTRA_APP, PEOPLE, TENANT } from '../../seed';
import { personalConversationId } from '../connector/bot-connector';
import { CHANNEL_ISSUER } from './openid-routes';
import type { ChannelKeyName, ChannelSigningKeys, PublishedKey } from './signing-keys';

/** The region the sandbox's tenant is served from; the app's egress routes send it to the simulator. */
export const SANDBOX_SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/** How a channel→bot token is made; every field has Teams' value by default. */
export interface ChannelTokenOptions {
  key?: ChannelKeyName;
  /** `alg: none`, no signature. */
  unsigned?: boolean;
  /** Default: the bot id (the sandbox's Entra app). */
  audience?: string;
  issuer?: string;
  /** The `serviceurl` claim; default the activity's serviceUrl. */
  serviceUrl?: string;
  /** Epoch seconds. */
  notBefore?: number;
  expires?: number;
}

/** What `send` posts: an activity from a person (Entra object id), filled with Teams' defaults. */
export interface ChannelSendRequest {
  /** The person the activity comes from; default the first seeded person. */
  from?: string;
  /** Top-level fields replace the defaults (so `conversation: {...}` replaces the whole object). */
  activity?: Record<string, unknown>;
  /** `null`: no Authorization header at all. */
  token?: ChannelTokenOptions | null;
  /** Default the sandbox's Entra app id (the tenant mapping's client id). */
  botId?: string;
  /** Give up after this long, as Teams does with invokes (5 s); absent: wait for the answer. */
  timeoutMs?: number;
}

export interface ChannelAnswer {
  status: number;
  /** The JSON body, the text when it is not JSON, undefined when empty. */
  body?: unknown;
  /** Set (with status 0) when `timeoutMs` passed before the answer came. */
  timedOut?: boolean;
}

/** A Teams user id for the bot (`29:…`): stable per person, opaque like Teams'. */
const teamsUserId = (oid: string) =>
  `29:1${createHash('sha256').update(oid.toLowerCase()).digest('base64url').slice(0, 40)}`;

/**
 * Teams' side of the companion bot: signs channel→bot tokens with the simulator's Bot Framework
 * keys and POSTs activities to the app's messaging endpoint, as the Bot Connector does.
 * Lifetimes are on the real clock: the app checks them against it (Forge has no other).
 */
export class BotChannel {
  private endpoint: string | null = null;
  private sequence = 0;

  constructor(
    private readonly keys: ChannelSigningKeys,
    private readonly now: () => number = Date.now,
    /**
     * Told of every activity before it is sent, so the simulator's Teams can follow: a person who
     * writes to the bot has the app, and one who removes it no longer has.
     */
    private readonly onActivity: (fromOid: string, activity: Record<string, unknown>) => void = () =>
      undefined,
  ) {}

  /** The app's messaging endpoint (the sandbox registers the `bot-messages` web trigger URL). */
  registerEndpoint(url: string): void {
    new URL(url);
    this.endpoint = url;
  }

  publishedKeys(): PublishedKey[] {
    return this.keys.published();
  }

  signToken(options: ChannelTokenOptions = {}): string {
    const now = Math.floor(this.now() / 1000);
    const claims = {
      serviceurl: options.serviceUrl ?? SANDBOX_SERVICE_URL,
      nbf: options.notBefore ?? now - 5,
      exp: options.expires ?? now + 3600,
      iss: options.issuer ?? CHANNEL_ISSUER,
      aud: options.audience ?? ENTRA_APP.clientId,
    };
    return this.keys.sign(claims, options.key ?? 'endorsed', options.unsigned ?? false);
  }

  /** A Teams activity in the person's 1:1 chat with the bot (a message unless `overrides.type`). */
  activity(
    fromOid: string = PEOPLE[0]?.oid ?? '',
    overrides: Record<string, unknown> = {},
    botId: string = ENTRA_APP.clientId,
  ): Record<string, unknown> {
    const person = PEOPLE.find((p) => p.oid.toLowerCase() === fromOid.toLowerCase());
    this.sequence += 1;
    return {
      type: 'message',
      id: `${this.now()}${String(this.sequence).padStart(4, '0')}`,
      timestamp: new Date(this.now()).toISOString(),
      serviceUrl: SANDBOX_SERVICE_URL,
      channelId: 'msteams',
      from: { id: teamsUserId(fromOid), name: person?.displayName ?? 'Teams user', aadObjectId: fromOid },
      conversation: {
        conversationType: 'personal',
        tenantId: TENANT.id,
        id: personalConversationId(botId, fromOid),
      },
      recipient: { id: `28:${botId}`, name: 'Confluence' },
      channelData: { tenant: { id: TENANT.id } },
      locale: 'en-US',
      ...overrides,
    };
  }

  /** Signs and POSTs an activity to the app's bot endpoint; the app's answer. */
  async send(request: ChannelSendRequest = {}): Promise<ChannelAnswer> {
    if (!this.endpoint) throw new Error('No bot endpoint registered with the simulator');
    const activity = this.activity(request.from, request.activity, request.botId);
    this.onActivity(request.from ?? PEOPLE[0]?.oid ?? '', activity);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (request.token !== null) {
      const token = this.signToken({
        serviceUrl: String(activity.serviceUrl),
        ...(request.botId ? { audience: request.botId } : {}),
        ...request.token,
      });
      headers.Authorization = `Bearer ${token}`;
    }
    const signal = request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(activity),
        signal,
      });
      text = await response.text();
    } catch (e) {
      if (signal?.aborted) return { status: 0, timedOut: true };
      throw e;
    }
    if (text === '') return { status: response.status };
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: response.status, body: text };
    }
  }
}
