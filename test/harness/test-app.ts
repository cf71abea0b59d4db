import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { signDevToken, TokenVerifier } from '../../libs/identity/src';
import { FixedClock } from '../../libs/platform/src';
import { Clock } from '../../libs/cases/src/ports';
import { DEMO_CHILDREN, DEMO_GROUPS, DEMO_UNITS, demoUser } from '../../libs/persistence/src/seed/demo-data';
import { createTestDatabase } from './test-db';
import { RateLimits } from '../../apps/api/src/http/rate-limits';

export interface TestApp<C extends Clock = FixedClock> {
  app: INestApplication;
  clock: C;
  databaseUrl: string;
  http: () => ReturnType<typeof request>;
  as(username: string): AuthedClient;
  /** Signs a token for a user the test added itself (the demo users are signed already). */
  addUser(username: string): Promise<void>;
  /** A plain pg client on the app's database, for checks in SQL; closed with the app. */
  sql(): Promise<Client>;
  close(): Promise<void>;
}

export interface AuthedClient {
  get(path: string): request.Test;
  post(path: string, body?: unknown): request.Test;
  put(path: string, body?: unknown): request.Test;
  delete(path: string): request.Test;
  command(caseId: string, type: string, expectedVersion: number, payload?: Record<string, unknown>): request.Test;
}

/** A real API on its own fresh database (cloned from the template) and the harness's Redis. */
export async function startTestApp<C extends Clock = FixedClock>(
  opts: {
    now?: string;
    clock?: C;
    redisUrl?: string;
    databaseUrl?: string;
    rateLimits?: RateLimits;
    environment?: 'development' | 'test' | 'production';
    metricsToken?: string;
    webDist?: string;
    userCacheMs?: number;
  } = {},
): Promise<TestApp<C>> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const clock = (opts.clock ?? new FixedClock(new Date(opts.now ?? '2027-03-01T09:30:00+01:00'))) as C;
  const app = await createApiApp({
    databaseUrl,
    redisUrl: opts.redisUrl ?? (process.env.TRYGG_TEST_REDIS_URL as string),
    clock,
    verifier: new TokenVerifier({ production: false, usernameClaim: 'preferred_username' }),
    logLevel: 'silent',
    environment: opts.environment ?? 'test',
    // Suites drive hundreds of requests as one user; the rate-limit suite sets its own.
    rateLimits: opts.rateLimits ?? false,
    metricsToken: opts.metricsToken,
    webDist: opts.webDist,
    userCacheMs: opts.userCacheMs,
  });
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  const tokenOf = async (u: string) => tokens.get(u) ?? tokens.set(u, await signDevToken(u)).get(u)!;
  for (const u of ['larer', 'rektor', 'ansatt', 'styrer', 'larer2', 'rektor2', 'kommune', 'ppt', 'revisor', 'drift']) await tokenOf(u);

  const as = (username: string): AuthedClient => {
    const auth = `Bearer ${tokens.get(username)}`;
    return {
      get: (path) => request(server).get(path).set('Authorization', auth),
      // Serialised by hand so any JSON value (a bare number, null, an array) can be sent.
      post: (path, body) =>
        request(server)
          .post(path)
          .set('Authorization', auth)
          .set('Content-Type', 'application/json')
          .send(body === undefined ? '' : JSON.stringify(body)),
      put: (path, body) =>
        request(server)
          .put(path)
          .set('Authorization', auth)
          .set('Content-Type', 'application/json')
          .send(body === undefined ? '' : JSON.stringify(body)),
      delete: (path) => request(server).delete(path).set('Authorization', auth),
      command: (caseId, type, expectedVersion, payload = {}) =>
        request(server)
          .post(`/api/cases/${caseId}/commands`)
          .set('Authorization', auth)
          .send({ type, expectedVersion, ...payload }),
    };
  };
  let sql: Client | undefined;
  const connectSql = async () => {
    if (!sql) {
      sql = new Client({ connectionString: databaseUrl });
      await sql.connect();
    }
    return sql;
  };
  const close = async () => {
    await sql?.end();
    await app.close();
  };
  const addUser = async (u: string) => void (await tokenOf(u));
  return { app, clock, databaseUrl, http: () => request(server), as, addUser, sql: connectSql, close };
}

export const units = DEMO_UNITS;
export const groups = DEMO_GROUPS;
export const children = DEMO_CHILDREN;
export const user = demoUser;
