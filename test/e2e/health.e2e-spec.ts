import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { freePort } from '../../libs/embedded/src';
import { TokenVerifier } from '../../libs/identity/src';
import { FixedClock } from '../../libs/platform/src';
import { createTestDatabase } from '../harness/test-db';

describe('health', () => {
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
