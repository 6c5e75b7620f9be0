import { createHash } from 'node:crypto';

/** Codes and refresh tokens are kept under their hash so the state file never holds a usable secret. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** A stable GUID-shaped id derived from text (pairwise `sub`, an app's service principal id). */
export function derivedGuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
