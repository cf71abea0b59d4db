import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, devSecret } from './dev-token';

export interface TokenVerifierOptions {
  production: boolean;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  usernameClaim: string;
}

export class InvalidTokenError extends Error {}

/**
 * Verifies bearer tokens. Production: the owner's OIDC provider (e.g. Feide) through its JWKS
 * URL and issuer. Elsewhere: also the local development key, so `npm run token` works.
 */
export class TokenVerifier {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly opts: TokenVerifierOptions) {
    if (opts.jwksUrl) this.jwks = createRemoteJWKSet(new URL(opts.jwksUrl));
    if (opts.production && (!this.jwks || !opts.issuer)) {
      throw new Error('production needs JWKS_URL and JWT_ISSUER');
    }
  }

  /** Returns the username the token speaks for, or throws InvalidTokenError. */
  async verify(token: string): Promise<string> {
    let payload: JWTPayload | undefined;
    try {
      if (this.jwks && this.opts.issuer) {
        try {
          payload = (await jwtVerify(token, this.jwks, { issuer: this.opts.issuer, audience: this.opts.audience })).payload;
        } catch (e) {
          if (this.opts.production) throw e;
        }
      }
      if (!payload && !this.opts.production) {
        payload = (await jwtVerify(token, devSecret(), { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'] })).payload;
      }
    } catch {
      throw new InvalidTokenError('the token is invalid or expired');
    }
    if (!payload) throw new InvalidTokenError('the token is invalid or expired');
    const username = payload[this.opts.usernameClaim] ?? payload.sub;
    if (typeof username !== 'string' || !username) throw new InvalidTokenError(`the token has no ${this.opts.usernameClaim} claim`);
    return username;
  }
}
