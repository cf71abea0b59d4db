import path from 'node:path';
import Redis from 'ioredis';
import { SESSION_IDLE_SECONDS, sessionKey } from '../../apps/api/src/auth/session.store';
import { DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { EVA } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/**
 * The web app's session (backend for frontend): an httpOnly cookie holds a session id, never a
 * token; writes need the session's CSRF token; demo sign-in is refused in production; the built
 * app is served at / with deep links, and the API keeps its own 404s.
 */
describe('browser sessions and the served web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ webDist: path.resolve(__dirname, '..', '..', 'dist', 'apps', 'web') });
  });
  afterAll(() => t.close());

  const signIn = async (username: string) => {
    const res = await t.http().post('/api/auth/dev-login').send({ username });
    expect(res.status).toBe(200);
    return { cookie: (res.headers['set-cookie'] as unknown as string[])[0], csrf: res.body.csrfToken as string, body: res.body };
  };

  it('a demo sign-in opens a session: httpOnly, SameSite=Lax, Secure, __Host- cookie with a random id', async () => {
    const { cookie, body } = await signIn('larer');
    expect(cookie).toMatch(/^__Host-trygg_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(body).toMatchObject({ signedIn: true, me: { username: 'larer' }, methods: { dev: true, oidc: false } });
    const session = await t.http().get('/api/auth/session').set('Cookie', cookie.split(';')[0]);
    expect(session.body).toMatchObject({ signedIn: true, csrfToken: body.csrfToken });
    expect((await t.http().get('/api/me').set('Cookie', cookie.split(';')[0])).body.username).toBe('larer');
    expect((await t.http().get('/api/auth/session')).body).toMatchObject({ signedIn: false, csrfToken: null, me: null });
  });

  it('a write with the session cookie but without its CSRF token is refused, with it goes through', async () => {
    const { cookie, csrf } = await signIn('larer');
    const concern = { unitId: DEMO_UNITS.demoSkole.id, childIds: [EVA], concern: 'c', source: 'other' };
    const without = await t.http().post('/api/cases').set('Cookie', cookie.split(';')[0]).send(concern);
    expect(without.status).toBe(403);
    expect(without.body.detail).toMatch(/CSRF/);
    const wrong = await t.http().post('/api/cases').set('Cookie', cookie.split(';')[0]).set('X-CSRF-Token', 'x'.repeat(32)).send(concern);
    expect(wrong.status).toBe(403);
    const withToken = await t.http().post('/api/cases').set('Cookie', cookie.split(';')[0]).set('X-CSRF-Token', csrf).send(concern);
    expect(withToken.status).toBe(201);
    // Integrations keep their bearer tokens, with no CSRF token (no cookie is involved).
    expect((await t.as('larer').post('/api/cases', concern)).status).toBe(201);
  });

  it('each request renews the idle time in the one read; a session past ten hours ends however active it was', async () => {
    const redis = new Redis(process.env.TRYGG_TEST_REDIS_URL as string);
    try {
      const { cookie } = await signIn('styrer');
      const sid = cookie.split(';')[0].split('=')[1];
      const key = sessionKey(sid);
      await redis.expire(key, 60);
      expect((await t.http().get('/api/me').set('Cookie', cookie.split(';')[0])).status).toBe(200);
      expect(await redis.ttl(key)).toBeGreaterThan(SESSION_IDLE_SECONDS - 60);
      const session = JSON.parse((await redis.get(key))!);
      await redis.set(key, JSON.stringify({ ...session, createdAt: Date.now() - 10 * 3600_000 - 1000 }), 'EX', 60);
      expect((await t.http().get('/api/me').set('Cookie', cookie.split(';')[0])).status).toBe(401);
      expect(await redis.exists(key)).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it('logout ends the session; the old cookie no longer works', async () => {
    const { cookie, csrf } = await signIn('rektor');
    expect((await t.http().post('/api/auth/logout').set('Cookie', cookie.split(';')[0])).status).toBe(403);
    const out = await t.http().post('/api/auth/logout').set('Cookie', cookie.split(';')[0]).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ endSessionUrl: null });
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/__Host-trygg_session=;/);
    expect((await t.http().get('/api/me').set('Cookie', cookie.split(';')[0])).status).toBe(401);
  });

  it('only demo users, and a made-up session id is simply not signed in', async () => {
    expect((await t.http().post('/api/auth/dev-login').send({ username: 'nobody' })).status).toBe(422);
    expect((await t.http().get('/api/me').set('Cookie', '__Host-trygg_session=made-up')).status).toBe(401);
    const users = await t.http().get('/api/auth/dev-users');
    expect(users.body.map((u: { username: string }) => u.username)).toContain('rektor');
  });

  it('serves the web app at / and for deep links, with the strict CSP; the API keeps its 404', async () => {
    for (const p of ['/', '/saker/4b0c1f36-0f5c-4d2b-9a57-3f2a1d0e9c11', '/meld']) {
      const page = await t.http().get(p).set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="nb">');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec((await t.http().get('/')).text)![1];
    const asset = await t.http().get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    const api = await t.http().get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });

  it('production refuses the demo sign-in', async () => {
    const prod = await startTestApp({ environment: 'production' });
    try {
      const res = await prod.http().post('/api/auth/dev-login').send({ username: 'larer' });
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/refused in production/);
      expect((await prod.http().get('/api/auth/dev-users')).status).toBe(403);
      expect((await prod.http().get('/api/auth/session')).body.methods).toEqual({ dev: false, oidc: false });
    } finally {
      await prod.close();
    }
  });
});
