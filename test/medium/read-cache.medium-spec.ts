import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence/src/data-source';
import { randomUUID } from 'node:crypto';
import {
  CachedDirectory,
  CachedOwnerSettingsStore,
  CachedStaircaseStore,
  DirectoryChangesListener,
  ReadCache,
} from '../../libs/persistence/src';
import { DEMO_GROUPS, DEMO_OWNER, DEMO_UNITS, DEMO_USERS } from '../../libs/persistence/src/seed/demo-data';
import { createTestDatabase } from '../harness/test-db';
import { concern, deafCache, MediumRig, startMediumRig } from './medium-rig';

/**
 * The API's read cache against the real PostgreSQL: whoever changes a cached table (here another
 * connection, as the admin CLI or psql would), the change notice empties every process's cache;
 * while the notices cannot be heard, nothing is served from memory.
 */
describe('read cache of the directory and the owner settings', () => {
  let ds: DataSource;
  let url: string;
  let listener: DirectoryChangesListener;
  let directory: CachedDirectory;
  let settings: CachedOwnerSettingsStore;
  let staircase: CachedStaircaseStore;
  const unitId = DEMO_UNITS.demoSkole.id;

  beforeAll(async () => {
    url = await createTestDatabase();
    ds = createDataSource(url, { poolSize: 3 });
    await ds.initialize();
    listener = new DirectoryChangesListener(url);
    const cache = new ReadCache(() => listener.live, 60_000);
    listener.onChange(() => cache.clear());
    listener.start();
    directory = new CachedDirectory(ds, cache);
    settings = new CachedOwnerSettingsStore(ds, cache);
    staircase = new CachedStaircaseStore(ds, cache);
    await until(() => listener.live);
  });
  afterAll(async () => {
    await listener.stop();
    await ds.destroy();
  });

  /** Polls for a state the notice brings about; the bound is generous so a loaded machine passes. */
  async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('serves a unit from memory until someone else changes it, then reads the change', async () => {
    const first = await directory.unit(unitId);
    expect(await directory.unit(unitId)).toBe(first); // the same object: served from memory
    await ds.query(`UPDATE units SET name = 'Demo skole (ny)' WHERE id = $1`, [unitId]);
    await until(async () => (await directory.unit(unitId))?.name === 'Demo skole (ny)');
    await ds.query(`UPDATE units SET name = $2 WHERE id = $1`, [unitId, first!.name]);
    await until(async () => (await directory.unit(unitId))?.name === first!.name);
  });

  it('hears a principal taken away, so deadlines stop naming them', async () => {
    const unit = (await directory.unit(unitId))!;
    const leader = await directory.leaderOf(unit, 'principal');
    expect(leader).not.toBeNull();
    const removed = await ds.query(`DELETE FROM user_roles WHERE user_id = $1 AND unit_id = $2 AND role = 'principal' RETURNING *`, [
      leader,
      unitId,
    ]);
    await until(async () => (await directory.leaderOf(unit, 'principal')) !== leader);
    for (const r of removed[0])
      await ds.query(`INSERT INTO user_roles (id, user_id, role, owner_id, unit_id) VALUES ($1, $2, $3, $4, $5)`, [
        r.id,
        r.user_id,
        r.role,
        r.owner_id,
        r.unit_id,
      ]);
    await until(async () => (await directory.leaderOf(unit, 'principal')) === leader);
  });

  it('sees a policy saved through it at once, before any notice arrives', async () => {
    const kommune = DEMO_USERS.find((u) => u.username === 'kommune')!.id;
    const before = await settings.currentPolicy(DEMO_OWNER.id);
    const next = { ...before.policy, acknowledgeSchoolDays: before.policy.acknowledgeSchoolDays + 1 };
    expect(await settings.savePolicy(DEMO_OWNER.id, next, before.policy.version, kommune, new Date())).toBe(true);
    expect((await settings.currentPolicy(DEMO_OWNER.id)).policy.version).toBe(before.policy.version + 1);
  });

  it("keeps a group's Omni step, and 'no step yet', until an assessment is added anywhere", async () => {
    const [a, b] = [DEMO_GROUPS[0].id, DEMO_GROUPS[1].id];
    const rektor = DEMO_USERS.find((u) => u.username === 'rektor')!.id;
    const assess = (groupId: string, step: number) => ({
      id: randomUUID(),
      ownerId: DEMO_OWNER.id,
      unitId,
      groupId,
      step,
      basis: 'vurdert i teammøte',
      caseId: null,
      assessedBy: rektor,
      assessedAt: new Date(),
    });
    const step = async (g: string) => (await staircase.latestSteps([a, b])).get(g);
    expect(await step(a)).toBeUndefined();
    // Another connection (another API process, psql): heard through the notice.
    await ds.query(
      `INSERT INTO staircase_assessments (id, owner_id, unit_id, group_id, step, basis, assessed_by, assessed_at)
       VALUES ($1, $2, $3, $4, 3, 'psql', $5, now())`,
      [randomUUID(), DEMO_OWNER.id, unitId, a, rektor],
    );
    await until(async () => (await step(a)) === 3);
    expect(await step(b)).toBeUndefined();
    // Through this process's store: seen at once, on a cache where only the store's own emptying
    // can show the new step.
    const deaf = new CachedStaircaseStore(ds, deafCache());
    expect((await deaf.latestSteps([a, b])).get(b)).toBeUndefined();
    await deaf.add(assess(b, 2));
    expect((await deaf.latestSteps([a, b])).get(b)).toBe(2);
    await deaf.add(assess(a, 5));
    expect((await deaf.latestSteps([a])).get(a)).toBe(5);
    await until(async () => (await step(a)) === 5);
  });

  it('serves nothing from memory while its connection is gone, and caches again once it is back', async () => {
    const name = (await directory.unit(unitId))!.name;
    await ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'trygg-cache-listener'`);
    await until(() => !listener.live);
    // Changed while nobody listens: read from the database at once, not after a notice.
    await ds.query(`UPDATE units SET name = 'Demo skole (uten varsel)' WHERE id = $1`, [unitId]);
    expect((await directory.unit(unitId))!.name).toBe('Demo skole (uten varsel)');
    await ds.query(`UPDATE units SET name = $2 WHERE id = $1`, [unitId, name]);
    await until(() => listener.live);
    expect((await directory.unit(unitId))!.name).toBe(name);
    const again = await directory.unit(unitId);
    expect(await directory.unit(unitId)).toBe(again);
  });
});

describe('a command that assesses the Omni step, with the read cache', () => {
  let rig: MediumRig;
  beforeAll(async () => {
    rig = await startMediumRig(undefined, { cached: true });
  });
  afterAll(() => rig.close());

  it('answers with the step it wrote, though the cache held the group without one', async () => {
    const groupId = DEMO_GROUPS[2].id;
    const larer = await rig.user('larer');
    const opened = await rig.open.execute(larer, concern('demoSkole', [], { groupId }));
    expect(opened.staircaseStep).toBeNull(); // now cached as "no step yet"
    const acknowledged = await rig.run.execute(await rig.user('rektor'), {
      caseId: opened.id,
      type: 'ACKNOWLEDGE',
      expectedVersion: opened.version,
      payload: {},
    });
    expect(acknowledged.staircaseStep).toBeNull();
    const assessed = await rig.run.execute(larer, {
      caseId: opened.id,
      type: 'ASSESS_STAIRCASE',
      expectedVersion: acknowledged.version,
      payload: { groupId, step: 4, basis: 'Klassen ler med; ingen griper inn' },
    });
    expect(assessed.staircaseStep).toBe(4);
  });
});
