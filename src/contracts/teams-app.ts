import type { SecretExpiry } from './tenant';

/**
 * The companion Teams app's package, as the global settings page downloads it: save `base64` as
 * `fileName` (a zip: manifest.json, color.png, outline.png) and upload it in Teams admin center.
 */
export interface TeamsAppPackageDownload {
  fileName: string;
  /** The zip's bytes in base64. */
  base64: string;
  /** The app id Teams knows this site's app by: the same for every version. */
  appId: string;
  /** The package's version: it moves only when the content changes. */
  version: string;
  /** The Teams manifest schema version the package follows. */
  manifestVersion: string;
}

/**
 * Which Entra app is the companion bot (ARCHITECTURE.md D10): the tenant mapping's app (an Azure
 * Bot resource points at it), or a separate bot registered in Teams Developer Portal.
 */
export type BotRegistrationKind = 'tenant-app' | 'separate';

/** The bot endpoint's health, in words for the site admin. */
export interface BotHealthView {
  /** The last request Teams sent that passed every check (ISO time), or null. */
  lastRequestAt: string | null;
  /** The last request that was refused (ISO time), or null. */
  lastAuthFailureAt: string | null;
  /** Why it was refused, in words; null when nothing was refused. */
  lastAuthFailure: string | null;
}

/** The "Teams app" section of the global settings page. Never a secret: only whether one is stored. */
export interface TeamsAppSettingsView {
  /** The `bot-messages` web trigger: the messaging endpoint to enter in Azure or Developer Portal. */
  messagingEndpoint: string;
  /** The tenant mapping is saved (the package and the default bot need its app). */
  tenantConfigured: boolean;
  bot: {
    kind: BotRegistrationKind;
    /** The id Teams knows the bot by: the separate bot's, else the mapping's client id ('' before it is saved). */
    botId: string;
    /** `separate`: a bot secret is stored (never shown). */
    secretStored: boolean;
    /** The expiry of the secret the bot signs in with: the bot's own, or the client secret's. */
    secretExpiresOn: string;
    secretExpiry: SecretExpiry;
  };
  health: BotHealthView;
  /** Whether the bot previews links to this site pasted into Teams (on unless a site admin turned it off). */
  linkPreviews: boolean;
}

/** `teams-app/link-previews`: turn link previews in Teams on or off for the whole site. */
export interface LinkPreviewsInput {
  enabled: boolean;
}

/** The site admin's choice of bot. The bot secret is write-only. */
export type BotRegistrationInput =
  | { kind: 'tenant-app' }
  | {
      kind: 'separate';
      botId: string;
      /** Absent or empty keeps the stored secret (for the same bot id only). */
      botSecret?: string;
      /** YYYY-MM-DD, as Developer Portal shows it. */
      secretExpiresOn: string;
    };

/** "Send me a test message": queued for the caller's 1:1 chat with the bot. */
export interface TestMessageQueued {
  queued: true;
  /** Who it goes to in Teams (the caller's Microsoft account). */
  to: string;
}
