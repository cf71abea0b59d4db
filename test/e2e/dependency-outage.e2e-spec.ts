import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createDatabase, freePort, initCluster, RunningProcess, spawnPostgres, spawnRedisServer, redisUrl } from '../../libs/embedded/src';
import { signDevToken, TokenVerifier } from '../../libs/identity/src';
import { createDataSource, runMigrations } from '../../libs/persistence/src/data-source';
import { seedDemoData } from '../../libs/persistence/src/seed/seed-demo';
import { FixedClock } from '../../libs/platform/src';
import { eventually } from '../harness/deadline-rig';
import { schoolConcern } from '../harness/flows';

/**
 * PostgreSQL or Redis gone: every answer is 503 problem+json with Retry-After naming which one,
 * never a 500, and the API serves again by itself once it is back.
 */
describe('a dependency goes away', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-outage-'));
  let pgPort: number;
  let redisPort: number;
  let pg: RunningProcess;
  let redis: RunningProcess;
  let app: INestApplication;
  let auth: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    initCluster(path.join(dir, 'pg'));
    pgPort = await freePort();
    redisPort = await freePort();
    pg = await spawnPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort });
    redis = await spawnRedisServer({ port: redisPort });
    const url = await createDatabase(pgPort, 'trygg');
    const ds = createDataSource(url, { poolSize: 1 });
    await ds.initialize();
    await runMigrations(ds);
    await seedDemoData(ds);
    await ds.destroy();
    app = await createApiApp({
      databaseUrl: url,
      redisUrl: redisUrl(redisPort),
      clock: new FixedClock(new Date('2027-03-01T09:30:00+01:00')),
      verifier: new TokenVerifier({ production: false, usernameClaim: 'preferred_username' }),
      logLevel: 'silent',
      // Limits on: counting must carry on without Redis.
      rateLimits: { perMinute: 10_000, writesPerMinute: 10_000, authFailuresPerMinute: 10_000 },
    });
    auth = `Bearer ${await signDevToken('larer')}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    redis?.kill();
    pg?.kill();
    await Promise.all([redis?.exited, pg?.exited]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectUnavailable = (res: request.Response, dependency: string) => {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ status: 503, dependency });
  };

  it('PostgreSQL killed: 503 with Retry-After on reads and writes; health says which; back by itself', async () => {
    const opened = await http().post('/api/cases').set('Authorization', auth).send(schoolConcern());
    expect(opened.status).toBe(201);

    pg.kill();
    await pg.exited;
    expectUnavailable(await http().get('/api/me').set('Authorization', auth), 'PostgreSQL');
    expectUnavailable(await http().get(`/api/cases/${opened.body.id}`).set('Authorization', auth), 'PostgreSQL');
    expectUnavailable(await http().post('/api/cases').set('Authorization', auth).send(schoolConcern()), 'PostgreSQL');
    const health = await http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBeDefined();
    expect(health.body.checks).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });

    pg = await spawnPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort });
    const back = await eventually(async () => {
      const res = await http().get(`/api/cases/${opened.body.id}`).set('Authorization', auth);
      return res.status === 200 && res;
    });
    expect(back.body.id).toBe(opened.body.id);
    expect((await http().get('/api/health')).status).toBe(200);
  }, 60_000);

  it('Redis killed: health says so, cases are still served (rate limits count locally), the queue dashboard answers 503', async () => {
    const signIn = await http().get(`/admin/queues?token=${await signDevToken('drift')}`);
    const cookie = (signIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    redis.kill();
    await redis.exited;
    const health = await eventually(async () => {
      const res = await http().get('/api/health');
      return res.status === 503 && res;
    });
    expect(health.body.checks).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
    expect((await http().get('/api/me').set('Authorization', auth)).status).toBe(200);
    expect((await http().post('/api/cases').set('Authorization', auth).send(schoolConcern())).status).toBe(201);
    expectUnavailable(await http().get('/admin/queues').set('Cookie', cookie), 'Redis');

    redis = await spawnRedisServer({ port: redisPort });
    await eventually(async () => (await http().get('/api/health')).status === 200);
  }, 60_000);
});
