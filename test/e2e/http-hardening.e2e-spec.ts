import { SignJWT } from 'jose';
import { devSecret, DEV_AUDIENCE, DEV_ISSUER, signDevToken } from '../../libs/identity/src';
import { open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/**
 * The HTTP layer: security headers on every answer, no-store on personal data, rate limits shared
 * through Redis (429 problem+json with Retry-After), bounded token lifetimes, /metrics for the
 * operator only, and an admin session cookie that is not a token.
 */
describe('HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => t.close());

  it('every answer carries the security headers; case data is never cached', async () => {
    const c = await open(t, 'larer', schoolConcern());
    for (const res of [
      await t.as('larer').get(`/api/cases/${c.id}`),
      await t.http().get('/api/health'),
      await t.http().get('/api/nothing-here'),
    ]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const proxied = await t.as('larer').get(`/api/cases/${c.id}`).set('X-Forwarded-Proto', 'https');
    expect(proxied.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    // Swagger UI needs its inline script; only that operator page gets it.
    const docs = await t.http().get('/api/docs/');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('tokens must say when they end and live a bounded time', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: { iat?: number; exp?: number }) => {
      const jwt = new SignJWT({ preferred_username: 'larer' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject('larer');
      if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
      if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
      return jwt.sign(devSecret());
    };
    const status = async (token: string) => (await t.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status;
    expect(await status(await sign({ iat: now }))).toBe(401); // no exp
    expect(await status(await sign({ exp: now + 3600 }))).toBe(401); // no iat
    expect(await status(await sign({ iat: now, exp: now + 100 * 365 * 86400 }))).toBe(401); // 100 years
    expect(await status(await sign({ iat: now + 365 * 86400, exp: now + 365 * 86400 + 3600 }))).toBe(401); // issued a year ahead
    expect(await status(await sign({ iat: now - 13 * 3600, exp: now + 3600 }))).toBe(401); // older than 12 hours
    expect(await status(await sign({ iat: now, exp: now + 3600 }))).toBe(200);
    expect(await status(await signDevToken('larer'))).toBe(200);
  });

  it('/metrics answers the machine itself, or whoever has METRICS_TOKEN', async () => {
    // supertest connects over loopback: the operator on the machine.
    expect((await t.http().get('/metrics')).status).toBe(200);
    const guarded = await startTestApp({ metricsToken: 'prometheus-secret' });
    try {
      const refused = await guarded.http().get('/metrics');
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect((await guarded.http().get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(403);
      const ok = await guarded.http().get('/metrics').set('Authorization', 'Bearer prometheus-secret');
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('trygg_deadlines_pending');
    } finally {
      await guarded.close();
    }
  });

  it('the queue dashboard keeps a session id in its cookie, never the token; Secure outside development', async () => {
    const token = await signDevToken('drift');
    const signIn = await t.http().get(`/admin/queues?token=${token}`);
    expect(signIn.status).toBe(303);
    const cookie: string = signIn.headers['set-cookie'][0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).not.toContain(token);
    expect(cookie).not.toContain(token.split('.')[1]);
    const page = await t.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect((await t.http().get('/admin/queues').set('Cookie', 'trygg_admin=made-up')).status).toBe(401);

    const dev = await startTestApp({ environment: 'development' });
    try {
      const devCookie: string = (await dev.http().get(`/admin/queues?token=${token}`)).headers['set-cookie'][0];
      expect(devCookie).not.toMatch(/Secure/);
    } finally {
      await dev.close();
    }
  });

  describe('rate limits', () => {
    const limits = { perMinute: 40, writesPerMinute: 5, authFailuresPerMinute: 10 };
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // Two API processes on one database and one Redis: the counters are shared.
      a = await startTestApp({ rateLimits: limits });
      b = await startTestApp({ rateLimits: limits, databaseUrl: a.databaseUrl });
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('bad tokens are cut off after a few tries from one address: 429 problem+json with Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++)
        statuses.push((await (i % 2 ? a : b).http().get('/api/me').set('Authorization', 'Bearer not-a-token')).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(4).fill(429));
      const res = await a.http().get('/api/me').set('Authorization', 'Bearer not-a-token');
      expect(res.status).toBe(429);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('too-many-requests') });
    });

    it('writes are limited tighter than reads, per user, across both processes', async () => {
      const writes: number[] = [];
      for (let i = 0; i < 7; i++) writes.push((await (i % 2 ? a : b).as('rektor').post('/api/cases', {})).status);
      expect(writes.slice(0, 5)).toEqual(Array(5).fill(422));
      expect(writes.slice(5)).toEqual([429, 429]);
      const limited = await a.as('rektor').post('/api/cases', {});
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.body.detail).toMatch(/that change something/);
      // Reads still go through, and another user has a budget of their own.
      expect((await a.as('rektor').get('/api/me')).status).toBe(200);
      expect((await b.as('larer').post('/api/cases', {})).status).toBe(422);
    });

    it('reads have a budget too', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 42; i++) statuses.push((await (i % 2 ? a : b).as('styrer').get('/api/me')).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(40);
      expect(statuses.slice(40)).toEqual([429, 429]);
    });
  });
});
