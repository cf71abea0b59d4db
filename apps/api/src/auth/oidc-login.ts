import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type * as OpenIdClient from 'openid-client';
import { InvalidTokenError } from '../../../../libs/identity/src';
import type { Session } from './session.store';

/** The owner's OpenID Connect provider (Feide, or the municipality's own): configuration, not code. */
export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<PUBLIC_URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Where the provider sends the browser after logout. */
  postLogoutRedirectUri: string;
  /** The claim whose value is the Trygg username (Feide: e.g. eduPersonPrincipalName, or email, or sub). */
  usernameClaim: string;
  scope: string;
  /** Tests run a provider over plain http on loopback; production providers are https. */
  allowHttp?: boolean;
}

const PENDING_SECONDS = 600;
const pendingKey = (state: string) => `trygg:oidc:${state}`;

/**
 * Authorization code flow with PKCE (S256), state and nonce, using `openid-client` v6. That
 * package is ESM only: it is loaded on first use (Node ≥ 20.19 can require it), so nothing loads
 * it where OIDC is not configured, Jest included.
 */
export class OidcLogin {
  private config?: Promise<OpenIdClient.Configuration>;

  constructor(
    private readonly settings: OidcSettings | undefined,
    private readonly redis: Redis,
  ) {}

  get configured(): boolean {
    return !!this.settings;
  }

  private lib(): typeof OpenIdClient {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('openid-client') as typeof OpenIdClient;
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    const s = this.settings!;
    const lib = this.lib();
    this.config ??= lib
      .discovery(
        new URL(s.issuerUrl),
        s.clientId,
        s.clientSecret,
        undefined,
        s.allowHttp ? { execute: [lib.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        this.config = undefined;
        throw e;
      });
    return this.config;
  }

  /** Where to send the browser, and the state to keep in its cookie until it comes back. */
  async start(): Promise<{ url: string; state: string }> {
    const lib = this.lib();
    const config = await this.configuration();
    const verifier = lib.randomPKCECodeVerifier();
    const state = lib.randomState();
    const nonce = lib.randomNonce();
    await this.redis.set(pendingKey(state), JSON.stringify({ verifier, nonce }), 'EX', PENDING_SECONDS);
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: this.settings!.redirectUri,
      scope: this.settings!.scope,
      code_challenge: await lib.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** The username the provider vouches for, after checking state, PKCE, nonce and the ID token. */
  async finish(callbackUrl: URL, state: string | undefined): Promise<{ username: string; idToken?: string }> {
    if (!state) throw new InvalidTokenError('the sign-in took too long or was started elsewhere: start again');
    const raw = await this.redis.getdel(pendingKey(state));
    if (!raw) throw new InvalidTokenError('the sign-in took too long or was started elsewhere: start again');
    const { verifier, nonce } = JSON.parse(raw) as { verifier: string; nonce: string };
    const tokens = await this.lib().authorizationCodeGrant(await this.configuration(), callbackUrl, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    const username = claims?.[this.settings!.usernameClaim];
    if (typeof username !== 'string' || !username)
      throw new InvalidTokenError(`the provider sent no ${this.settings!.usernameClaim} claim`);
    return { username, idToken: tokens.id_token };
  }

  /** RP-initiated logout at the provider, for sessions that came from it. */
  async endSessionUrl(session: Session): Promise<string | null> {
    if (!this.settings || session.method !== 'oidc') return null;
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      state: randomBytes(8).toString('hex'),
    };
    if (session.idToken) params.id_token_hint = session.idToken;
    return this.lib().buildEndSessionUrl(config, params).href;
  }
}
