import { randomBytes, randomUUID } from 'node:crypto';
import { TENANT } from '../../seed';
import type { SeedPerson } from '../../seed';
import type { RefreshTokenRecord } from '../state/sim-data';
import type { StateStore } from '../state/state-store';
import { derivedGuid, hashSecret } from './hash-secret';
import { signJwt, verifyJwt, type JwtClaims } from './jwt';
import { GRAPH_RESOURCE, isOidcScope } from './scopes';

/** The success body of the v2.0 token endpoint. */
export interface TokenResponseBody {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
}

/** Result of checking a bearer token presented to Graph. */
export type AccessTokenCheck = { ok: true; claims: JwtClaims } | { ok: false; message: string };

/** Graph accepts its resource URL or its application id as audience. */
const GRAPH_AUDIENCES = [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, '00000003-0000-0000-c000-000000000000'];

/**
 * Mints and checks the simulator's tokens. Access and ID tokens are self-contained JWTs; refresh
 * tokens are opaque and live in the state store (by hash), so they can be rotated and revoked.
 * @see https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 * @see https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference
 */
export class TokenService {
  constructor(
    private readonly state: StateStore,
    private readonly clock: () => number,
    private readonly ttl: { accessSeconds: number; refreshSeconds: number },
  ) {}

  /**
   * Tokens for a signed-in user. `scopes` shape the access token; `grant` (all the user consented
   * to, by default the same) goes with the refresh token, so a later refresh may ask for any of it.
   */
  issueForUser(
    person: SeedPerson,
    clientId: string,
    scopes: string[],
    nonce: string | null,
    grant: string[] = scopes,
  ): TokenResponseBody {
    const now = this.seconds();
    const graphScopes = scopes.filter((s) => !isOidcScope(s));
    const accessToken = this.sign({
      aud: GRAPH_RESOURCE,
      iss: `https://sts.windows.net/${TENANT.id}/`,
      iat: now,
      nbf: now,
      exp: now + this.ttl.accessSeconds,
      appid: clientId,
      appidacr: '1',
      idtyp: 'user',
      name: person.displayName,
      oid: person.oid,
      scp: graphScopes.join(' '),
      sub: derivedGuid(`${person.oid}:${clientId}:sub`),
      tid: TENANT.id,
      unique_name: person.upn,
      upn: person.upn,
      uti: randomUUID(),
      ver: '1.0',
    });
    const body: TokenResponseBody = {
      token_type: 'Bearer',
      scope: [...graphScopes, ...scopes.filter(isOidcScope)].join(' '),
      expires_in: this.ttl.accessSeconds,
      ext_expires_in: this.ttl.accessSeconds,
      access_token: accessToken,
    };
    if (grant.includes('offline_access'))
      body.refresh_token = this.newRefreshToken(person.oid, clientId, grant);
    if (grant.includes('openid')) body.id_token = this.idToken(person, clientId, grant, nonce, now);
    return body;
  }

  /** App-only token (client credentials): no `scp`, and `roles` stays empty in the simulator. */
  issueForApp(clientId: string, resource: string): TokenResponseBody {
    const now = this.seconds();
    const servicePrincipal = derivedGuid(`${clientId}:service-principal`);
    const accessToken = this.sign({
      aud: resource,
      iss: `https://sts.windows.net/${TENANT.id}/`,
      iat: now,
      nbf: now,
      exp: now + this.ttl.accessSeconds,
      appid: clientId,
      appidacr: '1',
      idtyp: 'app',
      oid: servicePrincipal,
      roles: [],
      sub: servicePrincipal,
      tid: TENANT.id,
      uti: randomUUID(),
      ver: '1.0',
    });
    return {
      token_type: 'Bearer',
      scope: `${resource}/.default`,
      expires_in: this.ttl.accessSeconds,
      ext_expires_in: this.ttl.accessSeconds,
      access_token: accessToken,
    };
  }

  /** Checks a token presented to Graph: our signature, Graph audience, this tenant, not expired. */
  verifyGraphAccessToken(token: string): AccessTokenCheck {
    if (token.split('.').length !== 3) {
      return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
    }
    const claims = verifyJwt(token, this.key());
    if (!claims) return { ok: false, message: 'Access token validation failure. Invalid signature.' };
    if (!GRAPH_AUDIENCES.includes(String(claims.aud))) {
      return { ok: false, message: 'Access token validation failure. Invalid audience.' };
    }
    if (claims.tid !== TENANT.id)
      return { ok: false, message: 'Access token validation failure. Invalid tenant.' };
    const now = this.seconds();
    if (typeof claims.exp !== 'number' || claims.exp <= now) {
      return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
    }
    if (typeof claims.nbf === 'number' && claims.nbf > now) {
      return { ok: false, message: 'Lifetime validation failed, the token is not yet valid.' };
    }
    return { ok: true, claims };
  }

  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    return this.state.data.refreshTokens[hashSecret(token)];
  }

  /** Every refresh token of the user stops working; access tokens run until they expire, as in Entra. */
  revokeRefreshTokens(oid: string): void {
    const now = this.clock();
    for (const record of Object.values(this.state.data.refreshTokens)) {
      if (record.oid.toLowerCase() === oid.toLowerCase() && record.revokedAt === null) record.revokedAt = now;
    }
    this.state.changed();
  }

  private newRefreshToken(oid: string, clientId: string, scopes: string[]): string {
    const token = `0.ms-sim.${randomBytes(48).toString('base64url')}`;
    const now = this.clock();
    this.pruneRefreshTokens(now);
    this.state.data.refreshTokens[hashSecret(token)] = {
      clientId,
      oid,
      scopes: [...scopes],
      issuedAt: now,
      expiresAt: now + this.ttl.refreshSeconds * 1000,
      redeemedAt: null,
      revokedAt: null,
    };
    this.state.changed();
    return token;
  }

  private idToken(person: SeedPerson, clientId: string, scopes: string[], nonce: string | null, now: number) {
    const claims: JwtClaims = {
      ver: '2.0',
      aud: clientId,
      iss: `https://login.microsoftonline.com/${TENANT.id}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: person.displayName,
      oid: person.oid,
      preferred_username: person.upn,
      sub: derivedGuid(`${person.oid}:${clientId}:sub`),
      tid: TENANT.id,
    };
    if (nonce) claims.nonce = nonce;
    if (scopes.includes('email')) claims.email = person.upn;
    return this.sign(claims);
  }

  /**
   * Expired tokens can never be used again, and a day is long enough to explain why an old,
   * rotated token was refused; dropping the rest keeps the state file small.
   */
  private pruneRefreshTokens(now: number): void {
    const day = 24 * 3600 * 1000;
    for (const [hash, record] of Object.entries(this.state.data.refreshTokens)) {
      const spent = record.redeemedAt ?? record.revokedAt;
      if (record.expiresAt < now || (spent !== null && now - spent > day))
        delete this.state.data.refreshTokens[hash];
    }
  }

  private sign(claims: JwtClaims): string {
    return signJwt(claims, this.key());
  }

  private key(): Buffer {
    return Buffer.from(this.state.data.signingKey, 'base64');
  }

  private seconds(): number {
    return Math.floor(this.clock() / 1000);
  }
}
