import { ENTRA_APP } from '../../dev/seed';

/** The sandbox's Entra client secret, as it would appear in a leak. */
export const CLIENT_SECRET_PATTERN = new RegExp(
  ENTRA_APP.clientSecret.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&'),
);
/** A JWT: the simulator's access and ID tokens. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;
/** A simulator refresh token. */
export const REFRESH_TOKEN_PATTERN = /0\.ms-sim\.[A-Za-z0-9_-]{16,}/;

/** What a leaked secret would look like: the client secret, a JWT, a simulator refresh token. */
export const SECRET_PATTERNS: RegExp[] = [CLIENT_SECRET_PATTERN, JWT_PATTERN, REFRESH_TOKEN_PATTERN];

export const findSecrets = (text: string): string[] =>
  SECRET_PATTERNS.filter((pattern) => pattern.test(text)).map(String);
