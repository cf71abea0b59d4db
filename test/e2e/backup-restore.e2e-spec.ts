import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EVA, ok, open, planFor, schoolConcern, ids } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * `npm run backup` and `npm run restore`: a backup of a database with real cases, restored into a
 * fresh data directory (a new embedded PostgreSQL cluster), has every row and every hash chain
 * whole; `npm run verify:all` finds a forged row.
 */
describe('backup and restore', () => {
  let t: TestApp;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-backup-'));
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const cli = (name: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, [path.join(ROOT, 'dist/apps/launcher/src/cli', `${name}.cli.js`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });

  it('restores into a fresh data directory with every row and every chain whole', async () => {
    const a = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', a.id, 'ACKNOWLEDGE', 1);
    await ok(t, 'larer', a.id, 'ADD_NOTE', 2, { kind: 'observation', text: 'Eva Nordmann stood alone by the fence' });
    await ok(t, 'larer', a.id, 'RECORD_CHILD_VOICE', 3, {
      childId: EVA,
      heardAt: '2027-03-01T09:00:00+01:00',
      heardBy: 'Lærer Larsen',
      summary: 'Eva is afraid',
    });
    await ok(t, 'rektor', a.id, 'CONCLUDE_INVESTIGATION', 4, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    await ok(t, 'larer', a.id, 'SUBMIT_PLAN', 5, { plan: planFor(ids.larer) });
    await ok(t, 'rektor', a.id, 'APPROVE_PLAN', 6);
    await open(t, 'larer', schoolConcern({ staffOffender: true, concern: 'An assistant grabbed Eva' }));
    expect(
      (await t.as('larer').post(`/api/groups/${(await import('../harness/test-app')).groups[0].id}/staircase`, { step: 2, basis: 'b' }))
        .status,
    ).toBe(201);

    const dir = path.join(work, 'backup');
    const backedUp = await cli('backup', [dir], { DATABASE_URL: t.databaseUrl });
    expect(backedUp.stdout).toMatch(/backup written/);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.tables.find((x: { name: string }) => x.name === 'cases').rows).toBe(2);

    const fresh = path.join(work, 'restored');
    const restored = await cli('restore', [dir], { DATA_DIR: fresh });
    expect(restored.stdout).toMatch(/2 cases, \d+ events; hash chains: 2 valid, 0 broken/);
    // A second restore into the same (now used) directory is refused, and changes nothing.
    await expect(cli('restore', [dir], { DATA_DIR: fresh })).rejects.toMatchObject({ stderr: expect.stringMatching(/not empty/) });

    const verified = await cli('verify-all', [], { DATA_DIR: fresh });
    expect(verified.stdout).toMatch(/2 cases, \d+ events: 2 hash chains valid, 0 broken/);

    // Row for row the same as the original, table by table.
    const original = await t.sql();
    const countAll = async (c: Client) => {
      const tables = (
        await c.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
        )
      ).rows.map((r) => r.table_name);
      const out: Record<string, string> = {};
      for (const name of tables)
        out[name] = (await c.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`)).rows[0].h;
      return out;
    };
    const before = await countAll(original);
    // Read the restored cluster through a temporary server, as an operator would.
    const { openDataDirDatabase } = await import('../../apps/launcher/src/data-dir-database');
    const db = await openDataDirDatabase({ dataDir: fresh });
    const restoredClient = new Client({ connectionString: db.url });
    await restoredClient.connect();
    try {
      const after = await countAll(restoredClient);
      delete before.migrations;
      delete after.migrations;
      expect(after).toEqual(before);
      // The serial of staircase assessments carries on after the restored rows.
      const next = await restoredClient.query(`SELECT nextval(pg_get_serial_sequence('staircase_assessments', 'seq')) AS n`);
      const max = await restoredClient.query(`SELECT max(seq) AS m FROM staircase_assessments`);
      expect(Number(next.rows[0].n)).toBeGreaterThan(Number(max.rows[0].m));

      // verify:all names a forged row.
      await restoredClient.query(`ALTER TABLE case_events DISABLE TRIGGER USER`);
      await restoredClient.query(`UPDATE case_events SET type = 'CLOSE' WHERE case_id = $1 AND seq = 3`, [a.id]);
    } finally {
      await restoredClient.end();
      await db.close();
    }
    const forged = await cli('verify-all', [], { DATA_DIR: fresh }).catch((e: { code: number; stdout: string }) => e);
    expect(forged).toMatchObject({ code: 3, stdout: expect.stringContaining(`BROKEN ${a.id} at seq 3`) });
  }, 120_000);

  it('a damaged backup is refused', async () => {
    const dir = path.join(work, 'damaged');
    await cli('backup', [dir], { DATABASE_URL: t.databaseUrl });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.tables.find((x: { name: string }) => x.name === 'cases').rows += 1;
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(cli('restore', [dir], { DATA_DIR: path.join(work, 'restored-damaged') })).rejects.toMatchObject({
      stderr: expect.stringMatching(/damaged backup/),
    });
  }, 60_000);
});
