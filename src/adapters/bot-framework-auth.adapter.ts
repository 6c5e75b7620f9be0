import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { z } from 'zod';
import { BotAuthError, type BotTokenVerifier } from '../application/ports/bot';
import type { Clock } from '../application/ports/platform';
import type { BotRefusalReason, VerifiedBotToken } from '../domain/bot-activity';

/**
 * Channel → bot tokens, as the Bot Connector signs them.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 * The metadata address is fixed (the page says it may be hard-coded); the sandbox reaches the
 * simulator through the emulator's egress routes, never through a switch in the app.
 */
export const BOT_FRAMEWORK_OPENID_METADATA =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';
const BOT_FRAMEWORK_KEYS_HOST = 'login.botframework.com';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const CLOCK_SKEW_SECONDS = 5 * 60;

/** Keys are refetched after a day (Microsoft allows caching for days), or on an unknown kid… */
const KEYS_MAX_AGE_MS = 24 * 3600_000;
/** …but not more than once a minute, so garbage kids cannot make the app hammer Microsoft. */
const KEYS_MIN_REFRESH_MS = 60_000;
const MAX_TOKEN_CHARS = 16_384;

/** One published signing key, as much of the JWK as the check needs. */
export interface BotSigningKey {
  kid: string;
  kty: 'RSA';
  n: string;
  e: string;
  /** The channels this key may sign for (`msteams`, …). */
  endorsements: string[];
}

export interface SigningKeySet {
  schemaVersion: 1;
  fetchedAt: string;
  keys: BotSigningKey[];
}

/** Where the fetched key set is kept between invocations (KVS in the app). */
export interface SigningKeyCache {
  get(): Promise<SigningKeySet | null>;
  put(set: SigningKeySet): Promise<void>;
}

export class BotKeysUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BotKeysUnavailableError';
  }
}

const metadataSchema = z.object({ issuer: z.string().max(512), jwks_uri: z.string().max(512) });
const jwksSchema = z.object({ keys: z.array(z.unknown()).max(100) });
const publishedKeySchema = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1).max(128),
  // 4096-bit modulus: 683 base64url characters.
  n: z.string().min(1).max(1024),
  e: z.string().min(1).max(16),
  endorsements: z.array(z.string().max(64)).max(100).default([]),
});

const getJson = async (url: string, what: string): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new BotKeysUnavailableError(`Could not reach the Bot Framework ${what}`);
  }
  if (!response.ok)
    throw new BotKeysUnavailableError(
      `The Bot Framework ${what} answered ${response.status}`,
      response.status,
    );
  return response.json().catch(() => {
    throw new BotKeysUnavailableError(`The Bot Framework ${what} was not JSON`);
  });
};

/** The published keys: OpenID metadata → `jwks_uri` (pinned to Microsoft's host) → RSA keys. */
export const fetchBotFrameworkKeys = async (): Promise<BotSigningKey[]> => {
  const metadata = metadataSchema.safeParse(await getJson(BOT_FRAMEWORK_OPENID_METADATA, 'metadata'));
  if (!metadata.success) throw new BotKeysUnavailableError('The Bot Framework metadata had no jwks_uri');
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(metadata.data.jwks_uri);
  } catch {
    throw new BotKeysUnavailableError('The Bot Framework jwks_uri is not a URL');
  }
  if (jwksUrl.protocol !== 'https:' || jwksUrl.hostname !== BOT_FRAMEWORK_KEYS_HOST)
    throw new BotKeysUnavailableError('The Bot Framework jwks_uri is not on its own host');
  const jwks = jwksSchema.safeParse(await getJson(jwksUrl.href, 'keys'));
  if (!jwks.success) throw new BotKeysUnavailableError('The Bot Framework keys were not a JWKS');
  // Keys of other types (none today) are skipped rather than failing the whole set.
  return jwks.data.keys.flatMap((key) => {
    const parsed = publishedKeySchema.safeParse(key);
    return parsed.success ? [parsed.data] : [];
  });
};

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

const bearerToken = (authorization: string | null): string => {
  if (!authorization) throw new BotAuthError('no-token');
  if (authorization.length > MAX_TOKEN_CHARS) throw new BotAuthError('malformed-token');
  if (!/^Bearer /.test(authorization)) throw new BotAuthError('no-token');
  const match = BEARER.exec(authorization);
  if (!match?.[1]) throw new BotAuthError('malformed-token');
  return match[1];
};

/** jose's error codes → the reason the health record shows. */
const reasonFor = (error: unknown): BotRefusalReason => {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  if (code === 'ERR_JWT_EXPIRED') return 'expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'bad-signature';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (claim === 'iss') return 'wrong-issuer';
    if (claim === 'aud') return 'wrong-audience';
    if (claim === 'nbf') return 'not-yet-valid';
  }
  return 'malformed-token';
};

/**
 * Our own validator (TEAMS-BOT-FACTS §1): RS256 by a published key, `iss`, `aud` = the bot id,
 * lifetime with five minutes' skew, and a `serviceurl` claim. The endorsement and serviceUrl
 * checks need the activity: the key's endorsements and the claim are returned for them.
 * There is no switch that turns any of it off.
 */
export const createBotTokenVerifier = (deps: {
  cache: SigningKeyCache;
  fetchKeys: () => Promise<BotSigningKey[]>;
  clock: Clock;
}): BotTokenVerifier => {
  const keyFor = async (kid: string): Promise<BotSigningKey | null> => {
    const now = deps.clock.now();
    const cached = await deps.cache.get();
    const age = cached ? now.getTime() - Date.parse(cached.fetchedAt) : Number.NaN;
    const known = cached?.keys.find((key) => key.kid === kid) ?? null;
    if (known && age >= 0 && age < KEYS_MAX_AGE_MS) return known;
    // A fetch less than a minute ago (by this clock) is not repeated, whatever kid comes.
    if (age >= 0 && age < KEYS_MIN_REFRESH_MS) return known;
    let keys: BotSigningKey[];
    try {
      keys = await deps.fetchKeys();
    } catch (error) {
      if (known) return known; // stale but still published a day ago: better than refusing Teams
      throw error;
    }
    await deps.cache.put({ schemaVersion: 1, fetchedAt: now.toISOString(), keys });
    return keys.find((key) => key.kid === kid) ?? null;
  };

  return {
    verify: async (authorization, botId): Promise<VerifiedBotToken> => {
      const token = bearerToken(authorization);
      let header;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new BotAuthError('malformed-token');
      }
      if (header.alg !== 'RS256') throw new BotAuthError('wrong-algorithm');
      const kid = header.kid;
      if (typeof kid !== 'string' || kid.length === 0 || kid.length > 128)
        throw new BotAuthError('unknown-key');
      const jwk = await keyFor(kid);
      if (!jwk) throw new BotAuthError('unknown-key');
      let payload;
      try {
        const key = await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'RS256');
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ['RS256'],
          issuer: BOT_FRAMEWORK_ISSUER,
          audience: botId,
          clockTolerance: CLOCK_SKEW_SECONDS,
          currentDate: deps.clock.now(),
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw new BotAuthError(reasonFor(error));
      }
      const serviceUrl = payload.serviceurl;
      if (typeof serviceUrl !== 'string' || serviceUrl.length === 0 || serviceUrl.length > 512)
        throw new BotAuthError('no-service-url-claim');
      return { serviceUrl, endorsements: jwk.endorsements };
    },
  };
};
