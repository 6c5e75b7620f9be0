import { AppError } from './app-error';
import { COMMENT_COMMAND as COMMENT_COMMAND_ID, SEARCH_COMMAND as SEARCH_COMMAND_ID } from './teams-invokes';

/**
 * The companion Teams app's manifest, one per Confluence site (ARCHITECTURE.md D13): the bot,
 * the message extension and the link domain differ per site. Limits quoted below are the
 * bundled v1.25 schema's (TEAMS-BOT-FACTS.md §5).
 */
export const TEAMS_MANIFEST_VERSION = '1.25';
export const TEAMS_MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const TEAMS_ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
export const FIRST_TEAMS_APP_VERSION = '1.0.0';
/** Atlassian blue; the colour icon's background is the same. */
export const TEAMS_ACCENT_COLOR = '#0052CC';

export interface TeamsAppManifestInput {
  /** The Confluence site, as the platform names it (`https://acme.atlassian.net`). */
  siteUrl: string;
  /** The Teams app id: the same for a site across versions. */
  appId: string;
  botId: string;
  /** The Entra app of the tenant mapping. */
  clientId: string;
  version: string;
  /** Where "website" in Teams leads; the site's wiki when absent. */
  websiteUrl?: string;
}

interface Command {
  title: string;
  description: string;
}

interface ExtensionCommand {
  id: string;
  type: 'query' | 'action';
  title: string;
  description: string;
  context: ('compose' | 'commandBox' | 'message')[];
  initialRun?: boolean;
  fetchTask?: boolean;
  parameters?: { name: string; title: string; description: string; inputType: 'text'; isRequired: boolean }[];
}

export interface TeamsAppManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: ('personal' | 'team' | 'groupChat')[];
    isNotificationOnly: boolean;
    supportsFiles: boolean;
    commandLists: { scopes: ('personal' | 'team' | 'groupChat')[]; commands: Command[] }[];
  }[];
  composeExtensions: {
    botId: string;
    commands: ExtensionCommand[];
    messageHandlers: { type: 'link'; value: { domains: string[] } }[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const APP_NAME = 'Teams for Confluence';

const invalid = (message: string) => new AppError('invalid_input', message);

/**
 * The site's host as Teams matches it: lower case, the IDN in punycode, no default port, no
 * trailing dot (the WHATWG URL parser does the first three). A non-default port stays: the
 * sandbox's links carry one, and the host is exact, never a wildcard (TEAMS-BOT-FACTS.md §4).
 */
export const teamsSiteHost = (siteUrl: string): string => {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw invalid(`The site address ${JSON.stringify(siteUrl)} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`The site address must start with https://, not ${url.protocol}`);
  }
  if (url.username || url.password) throw invalid('The site address must not carry a user name.');
  const hostname = url.hostname.replace(/\.$/, '');
  if (!hostname) throw invalid('The site address has no host.');
  return url.port ? `${hostname}:${url.port}` : hostname;
};

const requireGuid = (value: string, what: string): string => {
  if (!GUID.test(value)) throw invalid(`The ${what} must be a GUID, like the one Entra shows.`);
  return value.toLowerCase();
};

/** At most `max` characters, with an ellipsis when cut. */
const within = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const BOT_COMMANDS: Command[] = [
  { title: 'help', description: 'What this app does and the commands it knows' },
  { title: 'status', description: 'Your Confluence connection and what reaches you here' },
  { title: 'disconnect', description: 'Disconnect your Confluence account from Teams' },
];

const SEARCH_COMMAND: ExtensionCommand = {
  id: SEARCH_COMMAND_ID,
  type: 'query',
  title: 'Search Confluence',
  description: 'Find Confluence pages and blog posts to share',
  context: ['compose', 'commandBox'],
  initialRun: true,
  parameters: [
    {
      name: 'query',
      title: 'Search',
      description: 'Words in the title or text',
      inputType: 'text',
      isRequired: false,
    },
    {
      name: 'space',
      title: 'Space',
      description: 'A space key, to search one space only',
      inputType: 'text',
      isRequired: false,
    },
  ],
};

const COMMENT_COMMAND: ExtensionCommand = {
  id: COMMENT_COMMAND_ID,
  type: 'action',
  title: 'Comment in Confluence',
  description: 'Add a comment to the Confluence page this message is about',
  context: ['message'],
  fetchTask: true,
};

export const buildTeamsAppManifest = (input: TeamsAppManifestInput): TeamsAppManifest => {
  const host = teamsSiteHost(input.siteUrl);
  const appId = requireGuid(input.appId, 'Teams app id');
  const clientId = requireGuid(input.clientId, 'Entra client id');
  const botId = requireGuid(input.botId, 'bot id');
  if (!SEMVER.test(input.version))
    throw invalid(`The app version must look like 1.0.0, not ${input.version}.`);
  const site = new URL(input.siteUrl);
  const websiteUrl = input.websiteUrl ?? `${site.origin}/wiki`;
  return {
    $schema: TEAMS_MANIFEST_SCHEMA_URL,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    version: input.version,
    id: appId,
    developer: { name: APP_NAME, websiteUrl, privacyUrl: websiteUrl, termsOfUseUrl: websiteUrl },
    name: { short: APP_NAME, full: within(`${APP_NAME} (${host})`, 100) },
    description: {
      short: 'Confluence updates, search and comments in Teams',
      full: within(
        `The companion app for Confluence at ${host}: page, blog post and comment updates in your ` +
          'chat with the bot, search and share Confluence content in any conversation, and comments ' +
          'on Confluence from a Teams message.',
        4000,
      ),
    },
    icons: { ...TEAMS_ICON_FILES },
    accentColor: TEAMS_ACCENT_COLOR,
    bots: [
      {
        botId,
        scopes: ['personal', 'team', 'groupChat'],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: [{ scopes: ['personal'], commands: BOT_COMMANDS }],
      },
    ],
    composeExtensions: [
      {
        botId,
        commands: [SEARCH_COMMAND, COMMENT_COMMAND],
        messageHandlers: [{ type: 'link', value: { domains: [host] } }],
      },
    ],
    validDomains: [host],
    webApplicationInfo: { id: clientId, resource: `api://${clientId}` },
  };
};

/** What the app last packaged for this site: kept so the version moves only with the content. */
export interface TeamsPackageRecord {
  contentHash: string;
  version: string;
}

/** The same content keeps its version; new content bumps the patch number. */
export const nextTeamsAppVersion = (
  previous: TeamsPackageRecord | null,
  contentHash: string,
): TeamsPackageRecord => {
  if (previous?.contentHash === contentHash) return previous;
  const match = previous ? SEMVER.exec(previous.version) : null;
  if (!match) return { contentHash, version: FIRST_TEAMS_APP_VERSION };
  return { contentHash, version: `${match[1]}.${match[2]}.${Number(match[3]) + 1}` };
};
