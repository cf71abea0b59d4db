import request from 'supertest';
import { Queue } from 'bullmq';
import { signDevToken } from '../../libs/identity/src';
import { MAINTENANCE_QUEUE } from '../../libs/scheduling/src/queues';
import { RemindOmniAssessments } from '../../libs/cases/src/omni';
import { TypeormOmniReminderStore } from '../../libs/persistence/src';
import { createDataSource } from '../../libs/persistence/src/data-source';
import { open, schoolConcern } from '../harness/flows';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';
import { groups } from '../harness/test-app';

/** Operations: Prometheus metrics, the queue dashboard for admins, health of the worker, Omni reminders. */
describe('operations', () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-03-01T09:30:00+01:00', startWorker: false });
  });
  afterAll(() => rig.close());
  const http = () => rig.api.http();

  it('the worker health is 503 until a worker beats, then 200; /api/health covers the queues', async () => {
    const down = await http().get('/api/health/worker');
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ queues: { status: 'up' }, worker: { status: 'down' } });
    await rig.startWorker({ metricsPort: 0 });
    const up = await eventually(async () => {
      const res = await http().get('/api/health/worker');
      return res.status === 200 && res;
    });
    expect(up.body.info).toMatchObject({ worker: { status: 'up' } });
    const all = await http().get('/api/health');
    expect(all.status).toBe(200);
    expect(all.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up' } });
  });

  it('GET /metrics: pending and overdue deadlines per kind, queue depth, job lag and failures', async () => {
    await open(rig.api, 'larer', schoolConcern());
    await rig.settle();
    let text = (await http().get('/metrics')).text;
    expect(text).toMatch(/trygg_deadlines_pending\{kind="acknowledge"\} 1/);
    expect(text).toMatch(/trygg_deadlines_overdue\{kind="acknowledge"\} 0/);
    // The acknowledgement's reminder and the BTI decision's reminder.
    expect(text).toMatch(/trygg_queue_jobs\{queue="trygg-deadlines",state="delayed"\} 2/);
    expect(text).toMatch(/trygg_queue_jobs\{queue="trygg-deadlines",state="failed"\} 0/);
    expect(text).toMatch(/trygg_queue_oldest_waiting_seconds\{queue="trygg-deadlines"\} 0/);

    await rig.travelTo('2027-03-02T16:00:01+01:00');
    text = (await http().get('/metrics')).text;
    expect(text).toMatch(/trygg_deadlines_overdue\{kind="acknowledge"\} 1/);
    // The worker's own metrics: lag from due to done, per step.
    const worker = await request(rig.worker!.metricsUrl!.replace(/\/metrics$/, '')).get('/metrics');
    expect(worker.status).toBe(200);
    expect(worker.text).toMatch(/trygg_deadline_step_lag_seconds_count\{step="overdue"\} 1/);
    expect(worker.text).toMatch(/trygg_deadline_steps_total\{step="overdue",outcome="done"\} 1/);
    // No personal data in metrics.
    expect(text).not.toMatch(/Eva|Nordmann/);
  });

  it('Bull Board at /admin/queues is for the admin role only', async () => {
    expect((await http().get('/admin/queues')).status).toBe(401);
    const principal = await http()
      .get('/admin/queues')
      .set('Authorization', `Bearer ${await signDevToken('rektor')}`);
    expect(principal.status).toBe(403);
    expect(principal.headers['content-type']).toMatch(/problem\+json/);

    const signIn = await http().get(`/admin/queues?token=${await signDevToken('drift')}`);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/admin/queues');
    const cookie = signIn.headers['set-cookie'][0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await http().get('/admin/queues').set('Cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const api = await http().get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('trygg-deadlines');
  });

  it('twice a year each principal is asked to assess each group on the Omni-trappa, once per half-year', async () => {
    const maintenance = new Queue(MAINTENANCE_QUEUE, { connection: { url: rig.redis.url } });
    const schedulers = await maintenance.getJobSchedulers();
    await maintenance.close();
    expect(schedulers.find((s) => s.key === 'omni-staircase-reminder')).toMatchObject({ pattern: '0 8 1 2,9 *', tz: 'Europe/Oslo' });

    const ds = createDataSource(rig.databaseUrl, { poolSize: 1 });
    await ds.initialize();
    try {
      await new RemindOmniAssessments(new TypeormOmniReminderStore(ds)).execute(new Date('2027-02-01T08:00:00+01:00'));
      await new RemindOmniAssessments(new TypeormOmniReminderStore(ds)).execute(new Date('2027-02-01T08:00:05+01:00')); // the scheduler fired twice
      const items = (await rig.api.as('rektor').get('/api/me/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'omni_assessment_due',
      );
      const skoleGroups = groups
        .filter((g) => g.unitId === items[0].unitId)
        .map((g) => g.id)
        .sort();
      expect(items.map((n: { groupId: string }) => n.groupId).sort()).toEqual(skoleGroups);
      await new RemindOmniAssessments(new TypeormOmniReminderStore(ds)).execute(new Date('2027-09-01T08:00:00+02:00'));
      const after = (await rig.api.as('rektor').get('/api/me/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'omni_assessment_due',
      );
      expect(after).toHaveLength(skoleGroups.length * 2);
    } finally {
      await ds.destroy();
    }
  });
});
