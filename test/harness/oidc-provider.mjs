/**
 * A real OpenID Connect provider (the `oidc-provider` package) for the sign-in test: its own
 * development login and consent pages accept any username, which it vouches for in
 * `preferred_username`. Usage: node oidc-provider.mjs <port> <redirect_uri> <post_logout_redirect_uri>
 */
import Provider from 'oidc-provider';

const [port, redirectUri, postLogout] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'trygg',
      client_secret: 'trygg-test-secret',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogout],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id, name: id }) }),
  cookies: { keys: ['trygg-test-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
