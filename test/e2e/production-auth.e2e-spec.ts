import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { signDevToken, TokenVerifier } from '../../libs/identity/src';
import { FixedClock } from '../../libs/platform/src';
import { createTestDatabase } from '../harness/test-db';

/** Production identity: tokens from the owner's OIDC provider via JWKS; the dev key is refused. */
describe('production tokens (OIDC / JWKS)', () => {
  let jwksServer: http.Server;
  let app: Awaited<ReturnType<typeof createApiApp>>;
  let privateKey: KeyLike;
  const issuer = 'https://idp.example.test';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = http.createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
    const port = (jwksServer.address() as AddressInfo).port;
    app = await createApiApp({
      databaseUrl: await createTestDatabase(),
      redisUrl: process.env.TRYGG_TEST_REDIS_URL as string,
      clock: new FixedClock(new Date()),
      verifier: new TokenVerifier({
        production: true,
        jwksUrl: `http://127.0.0.1:${port}/jwks`,
        issuer,
        audience: 'trygg',
        usernameClaim: 'preferred_username',
      }),
      logLevel: 'silent',
      rateLimits: false,
    });
  });
  afterAll(async () => {
    await app.close();
    jwksServer.close();
  });

  const idpToken = (claims: Record<string, unknown>, iss = issuer) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(iss)
      .setAudience('trygg')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token from the configured issuer', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/me')
      .set('Authorization', `Bearer ${await idpToken({ preferred_username: 'rektor' })}`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('rektor');
  });

  it('refuses the development key, another issuer and unknown users', async () => {
    const server = app.getHttpServer();
    expect(
      (
        await request(server)
          .get('/api/me')
          .set('Authorization', `Bearer ${await signDevToken('rektor')}`)
      ).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .get('/api/me')
          .set('Authorization', `Bearer ${await idpToken({ preferred_username: 'rektor' }, 'https://evil')}`)
      ).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .get('/api/me')
          .set('Authorization', `Bearer ${await idpToken({ preferred_username: 'nobody' })}`)
      ).status,
    ).toBe(401);
  });
});
