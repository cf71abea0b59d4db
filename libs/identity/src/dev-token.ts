import { SignJWT } from 'jose';

/**
 * Development and test tokens. Signed with a key that is in this public repository on purpose:
 * it identifies nobody, and the verifier refuses it whenever NODE_ENV=production.
 */
export const DEV_ISSUER = 'trygg-dev';
export const DEV_AUDIENCE = 'trygg';
const DEV_SECRET = new TextEncoder().encode('trygg-local-development-key-never-valid-in-production');

export function devSecret(): Uint8Array {
  return DEV_SECRET;
}

export async function signDevToken(username: string, opts: { expiresIn?: string; now?: Date } = {}): Promise<string> {
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ preferred_username: username })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(username)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(DEV_SECRET);
}
