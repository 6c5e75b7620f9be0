import { join } from 'node:path';
import {
  startForgeEmulator,
  type ForgeEmulator,
  type ForgeEmulatorOptions,
} from '../../../../dev/forge-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID } from '../../../../dev/seed';
import type * as FixtureModule from '../fixture-app/src/index';

/** The fixture app the emulator tests run (manifest.yml + src/). */
export const FIXTURE_DIR = join(__dirname, '..', 'fixture-app');
export const SITE_URL = 'https://contoso.atlassian.net';

export type FixtureApp = typeof FixtureModule;

/** Loads the fixture's entry; the emulator calls it once the Forge globals are in place. */
export const loadFixture = (): FixtureApp => jest.requireActual<FixtureApp>('../fixture-app/src/index');

/** An emulator for the fixture app with quiet logs and waits scaled down a thousand times. */
export function startFixtureEmulator(overrides: Partial<ForgeEmulatorOptions> = {}): Promise<ForgeEmulator> {
  return startForgeEmulator({
    appDir: FIXTURE_DIR,
    loadApp: loadFixture,
    productBaseUrls: { confluence: 'http://127.0.0.1:9/no-product' },
    siteUrl: SITE_URL,
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    quiet: true,
    delayScale: 0.001,
    ...overrides,
  });
}

/**
 * The fixture emulator for one test file: started before its tests, stopped after. With
 * `fresh`, every test starts from empty storage and an empty probe.
 */
export function useFixtureEmulator(options: { fresh?: boolean } = {}): {
  emulator: ForgeEmulator;
  app: FixtureApp;
} {
  const fixture = {} as { emulator: ForgeEmulator; app: FixtureApp };
  beforeAll(async () => {
    fixture.emulator = await startFixtureEmulator();
    fixture.app = loadFixture();
  });
  afterAll(() => fixture.emulator.stop());
  if (options.fresh) {
    beforeEach(async () => {
      fixture.app.resetProbe();
      await fixture.emulator.clearData();
    });
  }
  return fixture;
}

/** The fields of the SDKs' error classes the tests look at. */
export type SdkError = Error & {
  code?: string;
  status?: number;
  errorCode?: string;
  responseDetails?: { status: number };
};

/** Awaits a promise that must fail and returns its error. */
export async function failureOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}
