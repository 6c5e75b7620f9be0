import { z } from 'zod';

/**
 * Reads the claims of a JWT without checking its signature. Only for tokens the app received
 * directly from Microsoft's token endpoint over TLS (OpenID Connect Core §3.1.3.7 allows
 * skipping signature validation there); never for tokens that arrive from a caller.
 */
export const readJwtClaims = (token: string): Record<string, unknown> | null => {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

export const microsoftIdentitySchema = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  name: z.string().default(''),
  preferred_username: z.string().default(''),
  /** Only with the `email` scope, and only when the account has a mail address. */
  email: z.string().default(''),
});
