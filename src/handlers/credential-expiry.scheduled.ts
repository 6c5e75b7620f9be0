import { warnCredentialExpiry } from '../application/use-cases/bot/warn-credential-expiry';
import { backgroundDeps } from '../composition-root';

/**
 * Every hour: site admins hear from the bot 30, 7 and 1 days before a Microsoft secret expires.
 * Hourly so that a day with a warning due spreads its site admin checks over several runs; a day
 * with nothing due costs two reads.
 */
export const handleCredentialExpiry = async (): Promise<void> => {
  const run = await warnCredentialExpiry(backgroundDeps);
  console.log(`Credential expiry warnings: ${JSON.stringify(run)}`);
};
