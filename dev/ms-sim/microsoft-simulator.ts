import type { BotChannel } from './bot-framework/bot-channel';
import type { BotActivityRecord } from './connector/bot-connector';
import type { Faults } from './faults';
import type { PostedMessage } from './posted-message';
import type { RecordedRequest } from './recorder/request-recorder';
import type { TeamsDriver } from './teams-app/teams-driver';

/** How to start the Microsoft simulator. */
export interface MicrosoftSimulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder for the state file (tokens, codes, consents, messages); absent = memory only. */
  dataDir?: string;
  /** Start from the seed even if `dataDir` holds state. */
  reset?: boolean;
  /** JSON Lines file with one redacted entry per request; default `process.env.MS_SIM_RECORD`. */
  recordFile?: string;
  /** Epoch milliseconds; drives token expiry, code expiry, message times and throttling windows. */
  clock?: () => number;
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Default 90 days. */
  refreshTokenTtlSeconds?: number;
  /**
   * Epoch milliseconds for Teams' throttling windows alone; default `clock`. With queue delays
   * scaled down (the emulator's `delayScale`), a clock sped up by the same factor keeps Teams'
   * per-second windows in step with the delays the app asks the queue for.
   */
  throttleClock?: () => number;
  /** Enforce Teams limits (4 requests/s per team or channel, 3,000 messages per channel per day); default true. */
  throttle?: boolean;
}

/** A running Microsoft simulator (Entra ID v2.0, Graph v1.0, a Teams-like view). */
export interface MicrosoftSimulator {
  /** `http://127.0.0.1:{port}` */
  url: string;
  /**
   * Local bases standing in for the real origins: login → https://login.microsoftonline.com,
   * graph → https://graph.microsoft.com, connector → https://smba.trafficmanager.net (the Bot Connector),
   * botFrameworkLogin → https://login.botframework.com (the Bot Framework's signing keys).
   */
  routes: { login: string; graph: string; connector: string; botFrameworkLogin: string };
  /** `${url}/teams` */
  teamsViewUrl: string;
  /** Adds a redirect URI to the seeded app registration (the sandbox adds the Forge web trigger URL). */
  registerRedirectUri(uri: string): void;
  /** Fault injection for Graph requests. */
  faults: { set(f: Partial<Faults>): void; get(): Faults; clear(): void };
  /** The user's refresh tokens stop working: the next refresh answers `invalid_grant`. */
  revokeRefreshTokens(oid: string): void;
  /** The companion bot's side of Teams: who added the app, and what the bot sent into 1:1 chats. */
  bot: {
    /** The person adds the app in Teams (by Entra object id). */
    install(oid: string): void;
    /** The person removes it: the bot's writes to them are refused. */
    uninstall(oid: string): void;
    /** What the bot sent, oldest first; one person's 1:1 chat when `oid` is given. */
    activities(oid?: string): BotActivityRecord[];
  };
  /**
   * Teams playing the Bot Connector towards the app: signs channel→bot tokens with the published
   * Bot Framework keys and POSTs activities to the endpoint given to `registerEndpoint` (also
   * `POST /_sim/bot/send`).
   */
  botChannel: BotChannel;
  /**
   * A person using the companion app in Teams: the search extension, link previews, the message
   * action and Action.Execute on cards in channels and chats (teams-app/teams-driver.ts).
   */
  teams: TeamsDriver;
  /** Every channel/chat message and reply posted, in posting order; roots also list their replies. */
  messages(): PostedMessage[];
  /**
   * Method, URL (credentials redacted), answer status (null: connection dropped) and time of the
   * last 10,000 requests received, oldest first; `reset()` clears them.
   */
  requests(): Array<Pick<RecordedRequest, 'time' | 'method' | 'url' | 'status'>>;
  /** Back to the seed (as `POST /_sim/reset`): tokens, codes, consents, messages, created chats, faults and throttling counters go; redirect URIs stay. */
  reset(): void;
  /** Closes the server and writes pending state. */
  stop(): Promise<void>;
}
