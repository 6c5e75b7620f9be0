import type { BotRefusalReason } from '../../../domain/bot-activity';

/**
 * Why the bot endpoint refused a request, for the site admin's health line: what went wrong and,
 * where the admin can fix it, what to check. A Record, so a new reason cannot go unexplained.
 */
export const BOT_REFUSAL_WORDS: Record<BotRefusalReason, string> = {
  'bot-not-configured':
    'The Microsoft connection is not saved yet, so the app could not tell which bot the request was for.',
  'no-token': 'The request had no Bot Framework token: it did not come from Microsoft Teams.',
  'malformed-token': 'The request’s token could not be read as a Bot Framework token.',
  'wrong-algorithm': 'The request’s token was not signed the way the Bot Framework signs.',
  'unknown-key': 'The request’s token was signed with a key the Bot Framework does not publish.',
  'bad-signature': 'The request’s token had a signature that did not match.',
  'wrong-issuer': 'The request’s token was not issued by the Bot Framework.',
  'wrong-audience':
    'The request’s token was for another bot: check that the bot id registered in Azure or Teams Developer Portal is the bot id shown here.',
  expired: 'The request’s token had expired.',
  'not-yet-valid': 'The request’s token was not valid yet.',
  'no-service-url-claim': 'The request’s token did not name the Bot Connector it came from.',
  'not-endorsed': 'The request’s signing key is not endorsed for the channel the request named.',
  'wrong-channel': 'The request came from a channel other than Microsoft Teams.',
  'service-url-mismatch': 'The request named another Bot Connector than its token.',
  'wrong-tenant': 'The request came from another Microsoft tenant than the one this site is connected to.',
  'wrong-recipient':
    'The request was addressed to another bot: check that the bot id registered in Azure or Teams Developer Portal is the bot id shown here.',
  'not-an-activity': 'The request’s body was not a Teams activity.',
};
