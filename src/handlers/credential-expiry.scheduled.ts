import { warnCredentialExpiry } from '../application/use-cases/bot/warn-credential-expiry';
import { backgroundDeps } from '../composition-root';

/** Once a day: site admins hear from the bot 30, 7 and 1 days before a Microsoft secret expires. */
export const handleCredentialExpiry = async (): Promise<void> => {
  const run = await warnCredentialExpiry(backgroundDeps);
  console.log(`Credential expiry warnings: ${JSON.stringify(run)}`);
};
