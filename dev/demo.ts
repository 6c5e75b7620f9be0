/**
 * `npm run demo`: the first slice, headless, on a fresh in-memory sandbox. Exits 0 only when
 * the card has arrived in the Teams channel, and prints the message it saw.
 */
import { runFirstSlice } from './sandbox/first-slice';
import { startSandbox } from './sandbox/start-sandbox';

const main = async (): Promise<number> => {
  const sandbox = await startSandbox({ quiet: true });
  try {
    const { message } = await runFirstSlice(sandbox, (line) => console.log(line));
    if (!message) {
      console.error('No card arrived in Engineering › General.');
      for (const entry of sandbox.forge.logs)
        console.error(`  [${entry.functionKey}] ${entry.level}: ${entry.message}`);
      return 1;
    }
    console.log('\nThe card arrived in Microsoft Teams:');
    console.log(JSON.stringify(message, null, 2));
    return 0;
  } finally {
    await sandbox.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
