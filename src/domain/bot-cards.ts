import {
  adaptiveCard,
  factSet,
  openUrl,
  SUBTLE,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card-elements';
import { escapeCardMarkdown } from './card-markdown';

/*
 * The companion bot's own cards in the person's 1:1 chat: welcome, confirmations, help and
 * status. Every name that comes from Confluence or Microsoft is escaped (invariant 7).
 */

const title = (text: string): CardElement => textBlock(text, { weight: 'Bolder', size: 'Medium' });

/** The person opened the bot's chat or installed the app, and has not logged in from Confluence yet. */
export const welcomeCard = (personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Welcome to Teams for Confluence'),
      textBlock(
        'Connect your Confluence account to get notifications about the pages you watch, your @mentions and replies to your comments here.',
      ),
      textBlock(
        'Open Confluence, then select **Log in to Microsoft Teams** on your Microsoft Teams page.',
        SUBTLE,
      ),
    ],
    openUrl('Open Confluence', personalPageUrl),
  );

/** The login finished in Confluence: which Confluence account this Teams user is now linked to. */
export const connectedCard = (confluenceName: string, personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Connected'),
      textBlock(`Your Confluence account **${escapeCardMarkdown(confluenceName)}** is connected.`),
      textBlock(
        'Choose what reaches you here on your Microsoft Teams page in Confluence. Type **help** to see what I can do.',
        SUBTLE,
      ),
    ],
    openUrl('Notification settings', personalPageUrl),
  );

/** "Send me a test message" from the global settings page: the bot can reach this admin. */
export const testMessageCard = (confluenceName: string, personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Test message'),
      textBlock(
        `The Teams for Confluence bot can reach you, ${escapeCardMarkdown(confluenceName)}: personal notifications and confirmations will arrive in this chat.`,
      ),
      textBlock('Sent from the Microsoft Teams page of the Confluence global settings.', SUBTLE),
    ],
    openUrl('Notification settings', personalPageUrl),
  );

/** The person disconnected (in Confluence or here): nothing more is sent as them or to them. */
export const disconnectedCard = (personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Disconnected'),
      textBlock(
        'Your Confluence account is no longer connected to Microsoft Teams. Rules you set up stop sending, and you get no personal notifications here.',
      ),
    ],
    openUrl('Connect again', personalPageUrl),
  );

export const BOT_COMMANDS = [
  { command: 'help', description: 'What I can do' },
  { command: 'status', description: 'Your connection, your rules and what reaches you here' },
  { command: 'disconnect', description: 'Disconnect your Confluence account (asks first)' },
] as const;

export const helpCard = (personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Teams for Confluence'),
      textBlock('Type one of these:'),
      factSet(BOT_COMMANDS.map((c) => ({ title: c.command, value: c.description }))),
    ],
    openUrl('Notification settings', personalPageUrl),
  );

export interface StatusFacts {
  confluenceName: string | null;
  /** `needs-login` when Microsoft refused the person's sign-in. */
  connection: 'connected' | 'needs-login' | 'not-connected';
  rules: number;
  /** The personal notifications switched on, in words ("watched pages", "@mentions", …). */
  personal: string[];
}

export const statusCard = (facts: StatusFacts, personalPageUrl: string | undefined): AdaptiveCard => {
  if (facts.connection === 'not-connected') return welcomeCard(personalPageUrl);
  const connection =
    facts.connection === 'connected'
      ? `Connected as ${escapeCardMarkdown(facts.confluenceName ?? 'you')}`
      : 'Your Microsoft sign-in expired: log in again in Confluence';
  return adaptiveCard(
    [
      title('Your Teams for Confluence status'),
      factSet([
        { title: 'Confluence', value: connection },
        { title: 'Your rules', value: String(facts.rules) },
        { title: 'Here', value: facts.personal.length > 0 ? facts.personal.join(', ') : 'nothing yet' },
      ]),
    ],
    openUrl('Notification settings', personalPageUrl),
  );
};

/** `disconnect` asks first: the button sends an invoke the bot answers with the outcome. */
export const DISCONNECT_VERB = 'disconnect-confirmed';

export const confirmDisconnectCard = (): AdaptiveCard => ({
  ...adaptiveCard([
    title('Disconnect your Confluence account?'),
    textBlock(
      'Rules you set up stop sending, and you get no personal notifications here until you connect again.',
    ),
  ]),
  // Universal Actions need 1.4 or later; the bot answers the invoke with the card that replaces this one.
  actions: [{ type: 'Action.Execute', title: 'Disconnect', verb: DISCONNECT_VERB, style: 'destructive' }],
});

/** A short text answer for what the bot did not understand. */
export const UNKNOWN_COMMAND_TEXT = 'I did not understand that. Type help to see what I can do.';

/** A site admin's warning: a Microsoft secret stops working soon, and everything with it. */
export const expiryWarningCard = (
  secretName: string,
  expiresOn: string,
  daysLeft: number,
  settingsUrl: string | undefined,
): AdaptiveCard =>
  adaptiveCard(
    [
      title(`${secretName} expires in ${daysLeft === 1 ? '1 day' : `${daysLeft} days`}`),
      textBlock(
        `It expires on ${escapeCardMarkdown(expiresOn)}. When it does, nobody can log in and nothing is sent to Teams until a site admin enters a new one.`,
      ),
      textBlock(
        'Create a new client secret (Microsoft Entra, or Teams Developer Portal for a separate bot) and enter it with its expiry date on the Microsoft Teams page of the Confluence global settings.',
        SUBTLE,
      ),
    ],
    openUrl('Open the settings', settingsUrl),
  );

/** Microsoft refused the person's sign-in: their rules are paused until they log in again. */
export const needsLoginCard = (personalPageUrl: string | undefined): AdaptiveCard =>
  adaptiveCard(
    [
      title('Log in to Microsoft Teams again'),
      textBlock(
        'Microsoft no longer accepts your sign-in from Confluence, so your rules are paused and send nothing.',
      ),
      textBlock(
        'Open your Microsoft Teams page in Confluence and select **Log in to Microsoft Teams**.',
        SUBTLE,
      ),
    ],
    openUrl('Open Confluence', personalPageUrl),
  );
