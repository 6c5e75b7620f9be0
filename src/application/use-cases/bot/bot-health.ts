import { healthAfterRefusal, healthAfterRequest } from '../../../domain/bot-health';
import type { BotRefusalReason } from '../../../domain/bot-activity';
import type { BotStore } from '../../ports/bot';
import type { Clock } from '../../ports/platform';

export interface BotHealthDeps {
  botStore: BotStore;
  clock: Clock;
}

/** Notes an accepted request; one write a minute at most. */
export const noteBotRequest = async ({ botStore, clock }: BotHealthDeps): Promise<void> => {
  const next = healthAfterRequest(await botStore.getHealth(), clock.now());
  if (next) await botStore.putHealth(next);
};

/** Notes a refused request and why; one write a minute at most, whatever the caller sends. */
export const noteBotRefusal = async (
  { botStore, clock }: BotHealthDeps,
  reason: BotRefusalReason,
): Promise<void> => {
  const next = healthAfterRefusal(await botStore.getHealth(), reason, clock.now());
  if (next) await botStore.putHealth(next);
};
