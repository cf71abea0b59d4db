import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, devSecret } from './dev-token';

export interface TokenVerifierOptions {
  production: boolean;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  usernameClaim: string;
  /** The longest a token may live (exp − iat), and the oldest it may be; default 12 hours. */
  maxLifetimeSeconds?: number;
}

/** Clocks of the provider and of Trygg may disagree a little. */
const CLOCK_TOLERANCE_SECONDS = 60;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

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
    // In every mode a token must say when it was issued and when it ends, and live a bounded time:
    // a token without exp, or with a 100-year one, or issued in the future, is refused.
    const maxAge = this.opts.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
    const bounded = { requiredClaims: ['exp', 'iat'], maxTokenAge: maxAge, clockTolerance: CLOCK_TOLERANCE_SECONDS };
    try {
      if (this.jwks && this.opts.issuer) {
        try {
          payload = (await jwtVerify(token, this.jwks, { ...bounded, issuer: this.opts.issuer, audience: this.opts.audience })).payload;
        } catch (e) {
          if (this.opts.production) throw e;
        }
      }
      if (!payload && !this.opts.production) {
        payload = (await jwtVerify(token, devSecret(), { ...bounded, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'] }))
          .payload;
      }
    } catch {
      throw new InvalidTokenError('the token is invalid or expired');
    }
    if (!payload) throw new InvalidTokenError('the token is invalid or expired');
    if ((payload.exp as number) - (payload.iat as number) > maxAge + CLOCK_TOLERANCE_SECONDS) {
      throw new InvalidTokenError(`the token lives longer than ${Math.round(maxAge / 60)} minutes; ask for a shorter one`);
    }
    const username = payload[this.opts.usernameClaim] ?? payload.sub;
    if (typeof username !== 'string' || !username) throw new InvalidTokenError(`the token has no ${this.opts.usernameClaim} claim`);
    return username;
  }
}
