/**
 * `npm start`: the sandbox on fixed local ports with state kept in `.sandbox/`
 * (`npm start -- --reset` starts fresh). Ctrl-C stops everything cleanly.
 */
import { join } from 'node:path';
import { person } from './seed';
import { startSandbox } from './sandbox/start-sandbox';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const main = async () => {
  const reset = process.argv.includes('--reset');
  const sandbox = await startSandbox({
    dataDir: join(__dirname, '..', '.sandbox'),
    reset,
    ports: {
      forge: port('FORGE_PORT', 5100),
      confluence: port('CONFLUENCE_PORT', 5200),
      microsoft: port('MICROSOFT_PORT', 5300),
    },
  });
  const site = sandbox.confluence.url;
  console.log(`
Teams for Confluence sandbox${reset ? ' (fresh state)' : ''}

  Confluence            ${site}/wiki
    Global settings     ${site}/wiki/admin/teams-global-settings   (site admins)
    Space settings      ${site}/wiki/spaces/ENG/settings/apps/microsoft-teams
    Personal page       ${site}/wiki/apps/microsoft-teams
    Page ••• menu       ${site}/wiki/spaces/ENG/pages/${sandbox.confluence.findContent('Release plan 2027').id}   (content action)
  Microsoft Teams view  ${sandbox.microsoft.teamsViewUrl}
  Forge emulator        ${sandbox.forge.url}
  OAuth redirect URI    ${sandbox.oauthCallbackUrl}

  You are ${person('ada').displayName} (site admin); switch users in the Confluence top bar.
  Ctrl-C stops the sandbox; state stays in .sandbox/ (npm start -- --reset starts fresh).
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the sandbox…');
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
