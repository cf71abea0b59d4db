import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { freePort } from '../../libs/embedded/src';
import { TokenVerifier } from '../../libs/identity/src';
import { FixedClock } from '../../libs/platform/src';
import { createTestDatabase } from '../harness/test-db';

describe('health', () => {
  it('shuts down on SIGTERM and SIGINT, and leaves SIGUSR2 alone (a profiler attaching must not stop the API)', async () => {
    const before = { term: process.listenerCount('SIGTERM'), usr2: process.listenerCount('SIGUSR2') };
    const app = await createApiApp({
      databaseUrl: await createTestDatabase(),
      redisUrl: process.env.TRYGG_TEST_REDIS_URL as string,
      clock: new FixedClock(new Date()),
      verifier: new TokenVerifier({ production: false, usernameClaim: 'preferred_username' }),
      logLevel: 'silent',
      rateLimits: false,
    });
    try {
      expect(process.listenerCount('SIGTERM')).toBeGreaterThan(before.term);
      expect(process.listenerCount('SIGUSR2')).toBe(before.usr2);
    } finally {
      await app.close();
    }
  });

  it('reports Redis down with 503 problem+json naming the dependency', async () => {
    const app = await createApiApp({
      databaseUrl: await createTestDatabase(),
      redisUrl: `redis://127.0.0.1:${await freePort()}`, // nothing listens there
      clock: new FixedClock(new Date()),
      verifier: new TokenVerifier({ production: false, usernameClaim: 'preferred_username' }),
      logLevel: 'silent',
      rateLimits: false,
    });
    try {
      const res = await request(app.getHttpServer()).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.checks).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
    } finally {
      await app.close();
    }
  });
});
