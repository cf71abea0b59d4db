import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../libs/embedded/src';
import { createTestDatabase } from '../harness/test-db';

/**
 * Production sign-in end to end: the built API (its own process, as in production, since
 * openid-client is ESM) against a real OpenID Connect provider (`oidc-provider`), through the
 * provider's own login and consent pages: authorization code with PKCE, state and nonce, the user
 * matched by the configured claim, a session cookie, and logout at the provider.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function started(child: ChildProcess, marker: RegExp | string, what: string): Promise<void> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 30_000);
    const on = (d: Buffer) => {
      out += d;
      if (typeof marker === 'string' ? out.includes(marker) : marker.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`${what} exited ${code}:\n${out}`)));
  });
}

/** A cookie jar per host, enough for one browser's round trip. */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const cookies = [...(this.jar.get(u.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookies ? { cookie: cookies } : {}) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair.split('=');
      const host = this.jar.get(u.host) ?? new Map<string, string>();
      host.set(k.trim(), v.join('='));
      this.jar.set(u.host, host);
    }
    return res;
  }
  /** Follows redirects as a browser does, until a page or a redirect to `stopAt`. */
  async follow(url: string, stopAt?: string): Promise<{ res: Response; url: string }> {
    let current = url;
    for (let i = 0; i < 15; i++) {
      if (stopAt && current.startsWith(stopAt)) return { res: await this.get(current), url: current };
      const res = await this.get(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects');
  }
  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }
}

/** Submits the first form of a provider page with the given fields. */
async function submitForm(browser: Browser, pageUrl: string, html: string, fields: Record<string, string>) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}:\n${html.slice(0, 500)}`);
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  const res = await browser.get(new URL(action, pageUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
  });
  return new URL(res.headers.get('location')!, pageUrl).href;
}

describe('sign-in through the owner’s OIDC provider', () => {
  let provider: ChildProcess;
  let api: ChildProcess;
  let apiBase: string;
  let issuer: string;

  beforeAll(async () => {
    const [providerPort, apiPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    apiBase = `http://127.0.0.1:${apiPort}`;
    provider = spawn(
      process.execPath,
      [path.join(ROOT, 'test/harness/oidc-provider.mjs'), String(providerPort), `${apiBase}/api/auth/oidc/callback`, `${apiBase}/logg-inn`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await started(provider, 'ready', 'the OIDC provider');
    api = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        DATABASE_URL: await createTestDatabase(),
        REDIS_URL: process.env.TRYGG_TEST_REDIS_URL,
        PUBLIC_URL: apiBase,
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_ID: 'trygg',
        OIDC_CLIENT_SECRET: 'trygg-test-secret',
        OIDC_USERNAME_CLAIM: 'preferred_username',
        OIDC_SCOPE: 'openid profile',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      api.once('message', () => resolve());
      api.once('exit', (code) => reject(new Error(`the API exited ${code}`)));
    });
  }, 60_000);

  afterAll(() => {
    api?.kill('SIGTERM');
    provider?.kill('SIGTERM');
  });

  it('code flow with PKCE: the provider’s user becomes a Trygg session; logout ends it there too', async () => {
    const browser = new Browser();
    expect((await (await browser.get(`${apiBase}/api/auth/session`)).json()).methods).toEqual({ dev: true, oidc: true });

    const start = await browser.get(`${apiBase}/api/auth/oidc/login`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    // The provider's own login page, then its consent page.
    let page = await browser.follow(authorize.href);
    let next = await submitForm(browser, page.url, await page.res.text(), { login: 'larer', password: 'any' });
    page = await browser.follow(next);
    if (/consent|confirm|Authorize/i.test(await page.res.clone().text())) {
      next = await submitForm(browser, page.url, await page.res.text(), {});
      page = await browser.follow(next, `${apiBase}/api/auth/oidc/callback`);
    }
    expect(page.url).toContain(`${apiBase}/api/auth/oidc/callback?`);
    expect(page.res.status).toBe(303);
    expect(page.res.headers.get('location')).toBe('/');

    const session = await (await browser.get(`${apiBase}/api/auth/session`)).json();
    expect(session).toMatchObject({ signedIn: true, me: { username: 'larer' } });
    expect((await (await browser.get(`${apiBase}/api/me`)).json()).displayName).toBe('Lærer Larsen');

    const out = await (
      await browser.get(`${apiBase}/api/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } })
    ).json();
    expect(out.endSessionUrl).toMatch(new RegExp(`^${issuer}/session/end\\?`));
    expect(out.endSessionUrl).toContain('id_token_hint=');
    expect((await browser.get(`${apiBase}/api/me`)).status).toBe(401);
  }, 60_000);

  it('a callback without the sign-in’s state, or for a user Trygg does not know, goes back to the login page with a reason', async () => {
    const forged = await new Browser().get(`${apiBase}/api/auth/oidc/callback?code=x&state=y`);
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('/logg-inn?feil=innlogging');

    const browser = new Browser();
    const start = await browser.get(`${apiBase}/api/auth/oidc/login`);
    let page = await browser.follow(start.headers.get('location')!);
    let next = await submitForm(browser, page.url, await page.res.text(), { login: 'stranger', password: 'any' });
    page = await browser.follow(next);
    if (!page.url.startsWith(`${apiBase}`)) {
      next = await submitForm(browser, page.url, await page.res.text(), {});
      page = await browser.follow(next, `${apiBase}/api/auth/oidc/callback`);
    }
    expect(page.res.headers.get('location')).toBe('/logg-inn?feil=ukjent-bruker');
  }, 60_000);
});
