import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { loadManifest } from '../../../dev/forge-emulator/manifest/load-manifest';

/**
 * The emulator reads `scheduledTrigger` as Forge's own schema does: what `@forge/manifest` (the
 * validation `npm run lint:forge` runs) refuses, the emulator refuses too, and the reverse.
 */
const FIXTURE = join(__dirname, 'scheduled-app');
const BASE = readFileSync(join(FIXTURE, 'manifest.yml'), 'utf8');
const dirs: string[] = [];

const edited = (from: string, to: string): string => {
  if (!BASE.includes(from)) throw new Error(`the fixture manifest has no '${from}'`);
  return BASE.replace(from, to);
};

/** A copy of the fixture app with `manifest` as its manifest.yml. */
function appWith(manifest: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scheduled-manifest-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.yml'), manifest);
  return dir;
}

async function forgeErrors(dir: string): Promise<string[]> {
  const result = await validate(false, join(dir, 'manifest.yml'));
  return (result.errors ?? []).filter((error) => error.level === 'error').map((error) => error.message);
}

function emulatorError(dir: string): string | undefined {
  try {
    loadManifest(dir);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('the fixture passes both, and the emulator reads key, function and interval', async () => {
  const dir = appWith(BASE);
  expect(await forgeErrors(dir)).toEqual([]);
  expect(loadManifest(dir).scheduledTriggers).toEqual([
    { key: 'hourly-digest', functionKey: 'digest', interval: 'hour' },
    { key: 'sweep-every-five', functionKey: 'sweep', interval: 'fiveMinute' },
    { key: 'weekly-report', functionKey: 'report', interval: 'week' },
  ]);
}, 30_000);

const REFUSED: Array<[string, string, RegExp]> = [
  ['an interval Forge does not offer', edited('interval: hour', 'interval: minute'), /interval "minute"/],
  ['a key outside ^[a-zA-Z0-9_-]+$', edited('key: hourly-digest', 'key: hourly.digest'), /'hourly\.digest'/],
  ['no function', edited('      function: digest\n', ''), /'hourly-digest'.*function/],
  ['no interval', edited('      interval: hour\n', ''), /'hourly-digest'.*interval/],
  [
    'a property the schema does not know',
    edited('interval: hour', "interval: hour\n      cron: '0 * * * *'"),
    /cron/,
  ],
  ['a filter without appIsLicensed', edited('appIsLicensed: true', 'ignoreSelf: true'), /appIsLicensed/],
  [
    'a function that is not declared',
    edited('function: digest', 'function: nope'),
    /unknown function 'nope'/,
  ],
];

test.each(REFUSED)('both refuse %s', async (_name, manifest, message) => {
  const dir = appWith(manifest);
  expect(await forgeErrors(dir)).not.toEqual([]);
  expect(emulatorError(dir)).toMatch(message);
});

test('a sixth scheduled trigger: the schema lets it pass, the emulator holds to the documented five', async () => {
  const more = ['a', 'b', 'c']
    .map((n) => `    - key: more-${n}\n      function: report\n      interval: day\n`)
    .join('');
  const dir = appWith(edited('  function:\n', `${more}  function:\n`));
  expect(await forgeErrors(dir)).toEqual([]);
  expect(emulatorError(dir)).toMatch(/at most 5 scheduled triggers/);
});
