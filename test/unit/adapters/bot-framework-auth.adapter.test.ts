import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import {
  createBotTokenVerifier,
  type BotSigningKey,
  type SigningKeyCache,
  type SigningKeySet,
} from '../../../src/adapters/bot-framework-auth.adapter';
import { BotAuthError } from '../../../src/application/ports/bot';

const BOT_ID = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const NOW = Date.parse('2026-11-22T09:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  published: BotSigningKey;
}

const makeKey = async (kid: string, endorsements: string[]): Promise<TestKey> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, published: { kid, kty: 'RSA', n: jwk.n!, e: jwk.e!, endorsements } };
};

/** A channel→bot token as the Bot Framework signs it; `claims` override or remove (undefined) any claim. */
const sign = (key: TestKey, claims: Record<string, unknown> = {}, kid = key.kid) => {
  const payload: Record<string, unknown> = {
    iss: 'https://api.botframework.com',
    aud: BOT_ID,
    serviceurl: SERVICE_URL,
    nbf: seconds(NOW) - 60,
    exp: seconds(NOW) + 3600,
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key.privateKey);
};

const memoryCache = (initial: SigningKeySet | null = null) => {
  let value = initial;
  const writes: SigningKeySet[] = [];
  const cache: SigningKeyCache = {
    get: async () => value,
    put: async (set) => {
      value = set;
      writes.push(set);
    },
  };
  return { cache, writes, current: () => value };
};

describe('the bot endpoint validator (Bot Framework channel → bot tokens)', () => {
  let endorsed: TestKey;
  let unendorsed: TestKey;
  let stranger: TestKey;
  let now: number;
  let published: BotSigningKey[];
  let fetches: number;

  const verifier = (cache: SigningKeyCache) =>
    createBotTokenVerifier({
      cache,
      clock: { now: () => new Date(now) },
      fetchKeys: async () => {
        fetches += 1;
        return published;
      },
    });

  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof BotAuthError) return error.reason;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    endorsed = await makeKey('key-endorsed', ['msteams', 'skype']);
    unendorsed = await makeKey('key-unendorsed', []);
    stranger = await makeKey('key-stranger', ['msteams']);
  });

  beforeEach(() => {
    now = NOW;
    published = [endorsed.published, unendorsed.published];
    fetches = 0;
  });

  it('accepts a token signed by a published key and returns its serviceurl claim and the key’s endorsements', async () => {
    const { cache } = memoryCache();
    const token = await sign(endorsed);
    await expect(verifier(cache).verify(`Bearer ${token}`, BOT_ID)).resolves.toEqual({
      serviceUrl: SERVICE_URL,
      endorsements: ['msteams', 'skype'],
    });
  });

  it('returns an unendorsed key’s empty endorsements, so the activity check refuses it', async () => {
    const { cache } = memoryCache();
    const token = await sign(unendorsed);
    await expect(verifier(cache).verify(`Bearer ${token}`, BOT_ID)).resolves.toMatchObject({
      endorsements: [],
    });
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bearer without a token', 'Bearer '],
    ['a huge header', `Bearer ${'a'.repeat(20_000)}.b.c`],
    ['odd Unicode', 'Bearer ｅｙＪ.ｅｙＪ.ｓｉｇ'],
  ])('refuses %s as no-token or malformed, without fetching keys', async (_name, header) => {
    const { cache } = memoryCache();
    expect(['no-token', 'malformed-token']).toContain(await refusal(verifier(cache).verify(header, BOT_ID)));
    expect(fetches).toBe(0);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const { cache } = memoryCache();
    const head = Buffer.from(JSON.stringify({ alg: 'none', kid: endorsed.kid })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        iss: 'https://api.botframework.com',
        aud: BOT_ID,
        serviceurl: SERVICE_URL,
        exp: seconds(NOW) + 60,
      }),
    ).toString('base64url');
    expect(await refusal(verifier(cache).verify(`Bearer ${head}.${body}.`, BOT_ID))).toBe('wrong-algorithm');
  });

  it('refuses a token whose signature does not match the published key of its kid', async () => {
    const { cache } = memoryCache();
    const token = await sign(stranger, {}, endorsed.kid);
    expect(await refusal(verifier(cache).verify(`Bearer ${token}`, BOT_ID))).toBe('bad-signature');
  });

  it.each([
    ['wrong-issuer', { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' }],
    ['wrong-issuer', { iss: undefined }],
    ['wrong-audience', { aud: 'b0b0b0b0-1111-4222-8333-444455556666' }],
    ['wrong-audience', { aud: 'https://api.botframework.com' }],
    ['expired', { exp: seconds(NOW) - 301, nbf: seconds(NOW) - 4000 }],
    ['not-yet-valid', { nbf: seconds(NOW) + 301 }],
    ['malformed-token', { exp: undefined }],
    ['no-service-url-claim', { serviceurl: undefined }],
    ['no-service-url-claim', { serviceurl: 42 }],
  ])('refuses %s (%j)', async (reason, claims) => {
    const { cache } = memoryCache();
    const token = await sign(endorsed, claims);
    expect(await refusal(verifier(cache).verify(`Bearer ${token}`, BOT_ID))).toBe(reason);
  });

  it('allows five minutes of clock skew either way', async () => {
    const { cache } = memoryCache();
    const late = await sign(endorsed, { exp: seconds(NOW) - 290 });
    const early = await sign(endorsed, { nbf: seconds(NOW) + 290 });
    await expect(verifier(cache).verify(`Bearer ${late}`, BOT_ID)).resolves.toBeDefined();
    await expect(verifier(cache).verify(`Bearer ${early}`, BOT_ID)).resolves.toBeDefined();
  });

  it('caches the published keys and does not fetch them again for a known kid', async () => {
    const store = memoryCache();
    const check = verifier(store.cache);
    await check.verify(`Bearer ${await sign(endorsed)}`, BOT_ID);
    await check.verify(`Bearer ${await sign(endorsed)}`, BOT_ID);
    expect(fetches).toBe(1);
    expect(store.current()?.keys.map((k) => k.kid)).toEqual([endorsed.kid, unendorsed.kid]);
  });

  it('refreshes on an unknown kid (a rotated key), but at most once a minute', async () => {
    const store = memoryCache();
    const check = verifier(store.cache);
    await check.verify(`Bearer ${await sign(endorsed)}`, BOT_ID);
    const rotated = await makeKey('key-rotated', ['msteams']);
    published = [rotated.published];
    now += 30_000;
    // Garbage kids within the minute: no fetch, no write.
    for (let i = 0; i < 5; i += 1)
      expect(await refusal(check.verify(`Bearer ${await sign(rotated)}`, BOT_ID))).toBe('unknown-key');
    expect(fetches).toBe(1);
    expect(store.writes).toHaveLength(1);
    now += 31_000;
    await expect(check.verify(`Bearer ${await sign(rotated)}`, BOT_ID)).resolves.toBeDefined();
    expect(fetches).toBe(2);
    // The old key is gone with the refresh.
    expect(await refusal(check.verify(`Bearer ${await sign(endorsed)}`, BOT_ID))).toBe('unknown-key');
  });

  it('refetches keys older than a day even for a known kid, and keeps using them when the fetch fails', async () => {
    const store = memoryCache();
    const check = createBotTokenVerifier({
      cache: store.cache,
      clock: { now: () => new Date(now) },
      fetchKeys: async () => {
        fetches += 1;
        if (fetches > 1) throw new Error('Bot Framework unreachable');
        return published;
      },
    });
    await check.verify(`Bearer ${await sign(endorsed)}`, BOT_ID);
    now += 25 * 3600_000;
    const token = await sign(endorsed, { nbf: seconds(now) - 60, exp: seconds(now) + 3600 });
    await expect(check.verify(`Bearer ${token}`, BOT_ID)).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it('never stores what a caller sent: the cache holds only what the key source published', async () => {
    const store = memoryCache();
    const check = verifier(store.cache);
    await refusal(check.verify(`Bearer ${await sign(stranger)}`, BOT_ID));
    expect(store.current()?.keys).toEqual(published);
  });
});
