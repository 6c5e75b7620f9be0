import { ENTRA_APP } from '../../dev/seed';

/** What a leaked secret would look like: the client secret, a JWT, a simulator refresh token. */
export const SECRET_PATTERNS: RegExp[] = [
  new RegExp(ENTRA_APP.clientSecret.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&')),
  /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/,
  /0\.ms-sim\.[A-Za-z0-9_-]{16,}/,
];

export const findSecrets = (text: string): string[] =>
  SECRET_PATTERNS.filter((pattern) => pattern.test(text)).map(String);
