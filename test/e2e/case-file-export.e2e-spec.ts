import { execFileSync, spawnSync } from 'node:child_process';
import { verifyExportedChain } from '../../libs/cases/src/history';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ids, ok, open, planFor, schoolConcern, toActive } from '../harness/flows';
import { startTestApp, TestApp, user } from '../harness/test-app';

/** The case file: JSON with every event, and a PDF that renders and holds the plan's five elements. */
describe('case file export', () => {
  let t: TestApp;
  let caseId: string;
  const plan = planFor(ids.larer);

  beforeAll(async () => {
    t = await startTestApp();
    caseId = (await open(t, 'larer', schoolConcern())).id;
    await toActive(t, caseId, plan, '2027-03-01T10:00:00+01:00');
    await ok(t, 'larer', caseId, 'ADD_NOTE', 6, { kind: 'observation', text: 'Quiet week, Eva played with Ola' });
    const seq = (await t.as('larer').get(`/api/cases/${caseId}/events`)).body.find((e: { type: string }) => e.type === 'ADD_NOTE').seq;
    await ok(t, 'larer', caseId, 'CORRECT_ENTRY', 7, {
      seq,
      reason: 'Wrong name',
      corrected: { text: 'Quiet week, Eva played with Emma' },
    });
  });
  afterAll(() => t.close());

  it("JSON: every event, each duty with time and who, the child's voice, the plan, the BTI log and the verification", async () => {
    const events = (await t.as('rektor').get(`/api/cases/${caseId}/events`).expect(200)).body;
    const file = (await t.as('revisor').get(`/api/cases/${caseId}/export?format=json&purpose=tilsyn`).expect(200)).body;
    expect(file.chronology.map((e: { seq: number; hash: string }) => [e.seq, e.hash])).toEqual(
      events.map((e: { seq: number; hash: string }) => [e.seq, e.hash]),
    );
    expect(file.case.children).toEqual([{ id: schoolConcern().childIds[0], name: 'Eva Nordmann' }]);
    expect(file.duties.map((d: { duty: string }) => d.duty)).toEqual(
      expect.arrayContaining([
        'Melde fra: bekymring meldt til rektor/styrer',
        'Melding bekreftet mottatt, undersøkelse startet',
        'Undersøkelse avsluttet',
        'Aktivitetsplan godkjent',
      ]),
    );
    expect(file.duties.find((d: { duty: string }) => d.duty === 'Aktivitetsplan godkjent').by).toEqual({
      userId: ids.rektor,
      name: user('rektor').displayName,
      role: 'principal',
    });
    expect(file.childVoice).toEqual([expect.objectContaining({ child: 'Eva Nordmann', heard: true, text: 'Eva is afraid in the breaks' })]);
    expect(file.plans).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'approved',
        problem: plan.problem,
        evaluateAt: plan.evaluateAt,
        measures: plan.measures.map((m) =>
          expect.objectContaining({
            description: m.description,
            when: m.when,
            evaluateAt: m.evaluateAt,
            responsible: expect.objectContaining({ userId: ids.larer, name: user('larer').displayName }),
          }),
        ),
      }),
    ]);
    expect(file.btiLog).toMatchObject({ caseId, level: 0 });
    expect(file.verification).toMatchObject({ valid: true, events: events.length, firstBrokenSeq: null });
    const note = file.chronology.find((e: { type: string }) => e.type === 'ADD_NOTE');
    expect(note.payload.text).toBe('Quiet week, Eva played with Ola');
    expect(note.corrections).toEqual([expect.objectContaining({ corrected: { text: 'Quiet week, Eva played with Emma' } })]);
    const log = (await t.as('rektor').get(`/api/cases/${caseId}/access-log`)).body.entries;
    expect(log).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'auditor', kind: 'export', detail: 'json', purpose: 'tilsyn' })]),
    );
  });

  it('PDF: A4, renders with pdftoppm, holds the five elements in Norwegian, page numbers', async () => {
    const res = await t
      .as('rektor')
      .get(`/api/cases/${caseId}/export?format=pdf`)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'trygg-pdf-'));
    const pdf = join(dir, 'saksmappe.pdf');
    writeFileSync(pdf, res.body as Buffer);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // Renders: every page to an image.
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'Saksmappe – aktivitetsplikten',
      '1. Problemet tiltakene skal løse',
      plan.problem,
      '2.–4. Tiltak, når de gjennomføres og hvem som er ansvarlig',
      plan.measures[0].description,
      `Når: ${plan.measures[0].when}`,
      `Ansvarlig: ${user('larer').displayName}`,
      '5. Når tiltakene evalueres',
      plan.evaluateAt,
      'Barnets stemme',
      'Hash-kjeden er intakt: ja',
      'Saksnummer: 2027/',
      `Side 1 av ${pages.length}`,
      `Side ${pages.length} av ${pages.length}`,
    ]) {
      expect(text).toContain(s);
    }
    const log = (await t.as('rektor').get(`/api/cases/${caseId}/access-log`)).body.entries;
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'principal', kind: 'export', detail: 'pdf' })]));
  });

  it('the exported chain verifies without Trygg, and any change to it is found at its seq', async () => {
    const file = (await t.as('revisor').get(`/api/cases/${caseId}/export`).expect(200)).body;
    expect(verifyExportedChain(file.chain)).toEqual(file.verification);
    const forged = JSON.parse(JSON.stringify(file.chain));
    forged[3].payload.outcome = 'safe';
    expect(verifyExportedChain(forged)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
    const rewritten = JSON.parse(JSON.stringify(file.chain));
    const withText = rewritten.find((r: { content: unknown }) => r.content);
    withText.content.personal[Object.keys(withText.content.personal)[0]] = 'something else';
    expect(verifyExportedChain(rewritten)).toMatchObject({
      valid: false,
      firstBrokenSeq: withText.seq,
      problem: 'the personal content does not match its hash',
    });

    // The command-line verifier an archive runs on the file.
    const dir = mkdtempSync(join(tmpdir(), 'trygg-file-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(file));
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...file, chain: forged }));
    const cli = (name: string) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/verify-case-file.ts', join(dir, name)], { encoding: 'utf8' });
    const good = cli('ok.json');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ caseId, valid: true });
    const bad = cli('forged.json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('is for the principal, the owner and auditors; a bad format is 422', async () => {
    await t.as('larer').get(`/api/cases/${caseId}/export`).expect(403);
    await t.as('kommune').get(`/api/cases/${caseId}/export`).expect(200);
    const bad = await t.as('rektor').get(`/api/cases/${caseId}/export?format=xml`).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
  });
});
