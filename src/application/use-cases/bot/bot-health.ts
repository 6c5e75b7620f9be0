import { healthAfterRefusal, healthAfterRequest } from '../../../domain/bot-health';
import type { BotRefusalReason } from '../../../domain/bot-activity';
import type { BotStore } from '../../ports/bot';
import type { Clock } from '../../ports/platform';

export interface BotHealthDeps {
  bot: BotStore;
  clock: Clock;
}

/** Notes an accepted request; one write a minute at most. */
export const noteBotRequest = async ({ bot, clock }: BotHealthDeps): Promise<void> => {
  const next = healthAfterRequest(await bot.getHealth(), clock.now());
  if (next) await bot.putHealth(next);
};

/** Notes a refused request and why; one write a minute at most, whatever the caller sends. */
export const noteBotRefusal = async (
  { bot, clock }: BotHealthDeps,
  reason: BotRefusalReason,
): Promise<void> => {
  const next = healthAfterRefusal(await bot.getHealth(), reason, clock.now());
  if (next) await bot.putHealth(next);
};
