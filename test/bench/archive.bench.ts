/**
 * `npm run bench:archive`: a Noark 5 deposit of BENCH_ARCHIVE_CASES closed cases (default 10,000)
 * through the real API on embedded PostgreSQL, streamed to a file: how long it takes, how large it
 * is, and the API process's peak RSS while it builds and streams (sampled every 50 ms; the bench
 * client in the same process only counts and writes bytes). Then every XML file of the package is
 * validated with xmllint against its schema. Asserts nothing.
 *
 * The cases: 20 taken from concern to closed through the API (real PDFs, chains and journal
 * entries), then copied in SQL with new ids and numbers until there are N.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { Client } from 'pg';
import { createLocalApiApp } from '../../apps/api/src/local-api-app';
import { SCHEMA_DIR } from '../../libs/archive/src';
import { ensureSystemTools, freePort, XMLLINT } from '../../libs/embedded/src';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_CHILDREN, DEMO_OWNER, DEMO_UNITS, demoUser } from '../../libs/persistence/src';
import { SystemClock } from '../../libs/platform/src';
import { startBenchInfra } from './bench-infra';

const CASES = Number(process.env.BENCH_ARCHIVE_CASES ?? 10_000);
const TEMPLATES = 20;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  ensureSystemTools([XMLLINT]);
  const infra = await startBenchInfra();
  const app = await createLocalApiApp(infra.databaseUrl, infra.redisUrl, new SystemClock());
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/api`;
  const auth = async (u: string) => ({ Authorization: `Bearer ${await signDevToken(u)}`, 'content-type': 'application/json' });
  const [larer, rektor, kommune] = [await auth('larer'), await auth('rektor'), await auth('kommune')];
  const post = async (h: Record<string, string>, p: string, body: unknown) => {
    const r = await fetch(`${base}${p}`, { method: 'POST', headers: h, body: JSON.stringify(body) });
    const json = (await r.json()) as Record<string, unknown>;
    if (!r.ok) throw new Error(`${p}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const eva = DEMO_CHILDREN[0].id;
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < TEMPLATES; i++) {
    let c = await post(larer, '/cases', {
      unitId: DEMO_UNITS.demoSkole.id,
      childIds: [eva],
      concern: `Eva blir holdt utenfor i friminuttene (${i}).`,
      source: 'child_told',
      childSaysUnsafe: true,
    });
    const run = async (h: Record<string, string>, type: string, payload: Record<string, unknown> = {}) =>
      (c = await post(h, `/cases/${c.id}/commands`, { type, expectedVersion: c.version, ...payload }));
    await run(rektor, 'ACKNOWLEDGE');
    await run(larer, 'RECORD_CHILD_VOICE', {
      childId: eva,
      heardAt: new Date().toISOString(),
      heardBy: 'Lærer',
      summary: 'Redd i friminuttene',
    });
    await run(rektor, 'CONCLUDE_INVESTIGATION', { outcome: 'not_safe', summary: 'Eva er utestengt', bestInterest: 'Trygge friminutt' });
    const measure = {
      id: 'm1',
      description: 'Voksen til stede i alle friminutt',
      ffss: 'stoppe',
      when: 'Daglig',
      responsibleUserId: demoUser('larer').id,
      evaluateAt: today,
    };
    await run(larer, 'SUBMIT_PLAN', {
      plan: { problem: 'Eva holdes utenfor', evaluateAt: today, measures: [measure], childParticipation: 'Eva', parentsInvolved: 'Møte' },
    });
    await run(rektor, 'APPROVE_PLAN');
    await run(rektor, 'START_EVALUATION');
    await run(rektor, 'EVALUATE', { outcome: 'resolved', summary: 'Eva har det trygt nå', childVoice: 'Eva er glad' });
  }

  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const seeded = Date.now();
  // Copies of the templates: new ids and numbers, the same content, history and documents.
  await db.query(`
    CREATE TEMP TABLE copies AS
      SELECT gen_random_uuid() AS id, t.id AS template, row_number() OVER () AS n
      FROM generate_series(1, ${Math.max(0, Math.ceil(CASES / TEMPLATES) - 1)}) g, (SELECT id FROM cases WHERE state = 'closed' AND deposit_id IS NULL) t;
    DELETE FROM copies WHERE n > ${Math.max(0, CASES - TEMPLATES)};
    INSERT INTO cases SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object('id', k.id,
        'case_seq', (SELECT max(case_seq) FROM cases) + k.n))).* FROM copies k JOIN cases c ON c.id = k.template;
    INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, recorded_at, prev_hash, hash, content_hash)
      SELECT k.id, e.seq, e.type, e.actor_user_id, e.actor_role, e.at, e.payload, e.recorded_at, e.prev_hash, e.hash, e.content_hash
      FROM copies k JOIN case_events e ON e.case_id = k.template;
    INSERT INTO case_event_contents (case_id, seq, nonce, content)
      SELECT k.id, x.seq, x.nonce, x.content FROM copies k JOIN case_event_contents x ON x.case_id = k.template;
    INSERT INTO case_status_changes (case_id, at, changed_by, from_status, to_status)
      SELECT k.id, s.at, s.changed_by, s.from_status, s.to_status FROM copies k JOIN case_status_changes s ON s.case_id = k.template;
    INSERT INTO journal_entries (id, owner_id, case_id, event_seq, kind, journal_year, journal_seq, journalposttype, title, public_title,
        created_at, created_by, created_by_role, document, document_sha256, document_size)
      SELECT gen_random_uuid(), j.owner_id, k.id, j.event_seq, j.kind, j.journal_year,
        (SELECT max(journal_seq) FROM journal_entries) + row_number() OVER (ORDER BY k.n, j.journal_seq),
        j.journalposttype, j.title, j.public_title, j.created_at, j.created_by, j.created_by_role, j.document, j.document_sha256, j.document_size
      FROM copies k JOIN journal_entries j ON j.case_id = k.template;
    ANALYZE;
  `);
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM cases WHERE state = 'closed')::int AS cases,
    (SELECT count(*) FROM journal_entries)::int AS entries, (SELECT pg_size_pretty(sum(document_size)) FROM journal_entries) AS docs`)
  ).rows[0];
  console.log(
    `seeded ${counts.cases} closed cases, ${counts.entries} journal entries (${counts.docs} of PDF) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-archive-bench-'));
  const tarFile = path.join(dir, 'deposit.tar');
  const started = Date.now();
  const res = await fetch(`${base}/owners/${DEMO_OWNER.id}/archive-deposits`, {
    method: 'POST',
    headers: kommune,
    body: JSON.stringify({ from: '2000-01-01', to: today }),
  });
  if (!res.ok) throw new Error(`deposit: ${res.status} ${await res.text()}`);
  const firstByte = Date.now() - started;
  await pipeline(Readable.fromWeb(res.body as never), fs.createWriteStream(tarFile));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const size = fs.statSync(tarFile).size;
  console.log(`\ndeposit of ${res.headers.get('x-trygg-case-count')} cases, ${res.headers.get('x-trygg-entry-count')} journal entries`);
  console.log(`  built in ${(firstByte / 1000).toFixed(1)} s (first byte), delivered in ${seconds.toFixed(1)} s, ${mb(size)}`);
  console.log(`  API process RSS: ${mb(baseline)} before, peak ${mb(peak)} (+${mb(peak - baseline)})`);

  // Every XML file against its schema (xmllint --stream keeps the big ones out of memory).
  const schemas: Record<string, string> = {
    'arkivstruktur.xml': 'arkivstruktur.xsd',
    'loependeJournal.xml': 'loependeJournal.xsd',
    'offentligJournal.xml': 'offentligJournal.xsd',
    'endringslogg.xml': 'endringslogg.xsd',
    'arkivuttrekk.xml': 'addml.xsd',
  };
  const extract = tar.extract();
  extract.on('entry', (h, stream, next) => {
    if (!schemas[h.name]) return stream.resume().on('end', next);
    void pipeline(stream, fs.createWriteStream(path.join(dir, h.name))).then(() => next());
  });
  await pipeline(fs.createReadStream(tarFile), extract);
  for (const [file, xsd] of Object.entries(schemas)) {
    const t0 = Date.now();
    execFileSync('xmllint', ['--noout', '--stream', '--schema', path.join(SCHEMA_DIR, xsd), path.join(dir, file)], { stdio: 'pipe' });
    console.log(
      `  ${file}: valid against ${xsd} (${mb(fs.statSync(path.join(dir, file)).size)}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  await db.end();
  await app.close();
  await infra.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
