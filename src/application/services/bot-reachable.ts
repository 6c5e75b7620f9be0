import type { BotStore } from '../ports/bot';

/**
 * Whether this site's companion bot works: Teams has reached its endpoint with a valid token at
 * least once, so the app package is installed and the bot registration points here.
 */
export const botReachable = async (botStore: Pick<BotStore, 'getHealth'>): Promise<boolean> =>
  ((await botStore.getHealth())?.lastRequestAt ?? null) !== null;
