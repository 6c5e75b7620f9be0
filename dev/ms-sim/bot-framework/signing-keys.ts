import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which of the simulator's keys signs: published with `msteams`, published without it, or never published. */
export type ChannelKeyName = 'endorsed' | 'unendorsed' | 'unpublished';

/** One key of the Bot Framework's JWKS (`GET https://login.botframework.com/v1/.well-known/keys`). */
export interface PublishedKey {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  n: string;
  e: string;
  endorsements: string[];
}

const ENDORSEMENTS: Record<ChannelKeyName, string[]> = {
  endorsed: ['msteams', 'webchat'],
  unendorsed: [],
  unpublished: ['msteams'],
};
const FILE = 'bot-framework-keys.json';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The Bot Framework's signing keys in the simulator: RSA 2048, one per name. They live apart from
 * the simulator's resettable state (in `dataDir` when given), so a reset or a restart does not
 * rotate them under the app's cached copy.
 */
export class ChannelSigningKeys {
  private constructor(private readonly keys: Record<ChannelKeyName, { kid: string; key: KeyObject }>) {}

  static open(dataDir?: string): ChannelSigningKeys {
    const path = dataDir ? join(dataDir, FILE) : undefined;
    if (path && existsSync(path)) {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<
        ChannelKeyName,
        { kid: string; pem: string }
      >;
      return new ChannelSigningKeys(
        Object.fromEntries(
          Object.entries(saved).map(([name, { kid, pem }]) => [name, { kid, key: createPrivateKey(pem) }]),
        ) as Record<ChannelKeyName, { kid: string; key: KeyObject }>,
      );
    }
    const made = Object.fromEntries(
      (Object.keys(ENDORSEMENTS) as ChannelKeyName[]).map((name) => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return [name, { kid: `ms-sim-${name}-${Date.now().toString(36)}`, key: privateKey }];
      }),
    ) as Record<ChannelKeyName, { kid: string; key: KeyObject }>;
    if (dataDir && path) {
      mkdirSync(dataDir, { recursive: true });
      const pems = Object.fromEntries(
        Object.entries(made).map(([name, { kid, key }]) => [
          name,
          { kid, pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() },
        ]),
      );
      writeFileSync(path, JSON.stringify(pems, null, 2), { mode: 0o600 });
    }
    return new ChannelSigningKeys(made);
  }

  /** The JWKS the simulator publishes: the endorsed and the unendorsed key. */
  published(): PublishedKey[] {
    return (['endorsed', 'unendorsed'] as const).map((name) => {
      const { kid, key } = this.keys[name];
      const jwk = key.export({ format: 'jwk' });
      return {
        kty: 'RSA',
        use: 'sig',
        kid,
        n: String(jwk.n),
        e: String(jwk.e),
        endorsements: ENDORSEMENTS[name],
      };
    });
  }

  /** A compact JWS, RS256 with the named key; `unsigned` gives `alg: none` and no signature. */
  sign(claims: Record<string, unknown>, name: ChannelKeyName, unsigned = false): string {
    const { kid, key } = this.keys[name];
    if (unsigned) return `${encode({ alg: 'none', typ: 'JWT', kid })}.${encode(claims)}.`;
    const input = `${encode({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${encode(claims)}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
  }
}
