import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of a token the simulator issued; values are whatever JSON the issuer put there. */
export type JwtClaims = Record<string, unknown>;

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const signature = (input: string, key: Buffer): Buffer => createHmac('sha256', key).update(input).digest();

/**
 * Signs claims as a compact JWS (RFC 7515) with HS256. Real Entra tokens are RS256; the
 * simulator only has to verify its own tokens, so a shared secret it never reveals is enough.
 */
export function signJwt(claims: JwtClaims, key: Buffer): string {
  const head = encode({ typ: 'JWT', alg: 'HS256', kid: 'ms-sim' });
  const body = encode(claims);
  return `${head}.${body}.${signature(`${head}.${body}`, key).toString('base64url')}`;
}

/** The claims when the token is well formed and carries this key's signature; otherwise null. */
export function verifyJwt(token: string, key: Buffer): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = signature(`${head}.${body}`, key);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'HS256') return null;
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}
