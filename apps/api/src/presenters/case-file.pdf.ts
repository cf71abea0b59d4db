import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../../../libs/archive/src/pdf-bytes';
import { CaseFile, entryLabel, OUTCOME_LABELS, Person, SOURCE_LABELS } from '../../../../libs/cases/src';

/**
 * The case file as a PDF (pdfkit): A4, Norwegian labels, "Side X av Y" on every page. Built from
 * the same CaseFile as the JSON export, so both say the same.
 */
const STATE_LABELS: Record<string, string> = {
  reported: 'Meldt',
  investigating: 'Undersøkes',
  planning: 'Plan utarbeides',
  awaiting_approval: 'Plan venter på godkjenning',
  active: 'Tiltak pågår',
  evaluating: 'Evalueres',
  closed: 'Avsluttet',
};
const DEADLINE_LABELS: Record<string, string> = {
  acknowledge: 'Bekrefte mottatt melding',
  investigation: 'Undersøke saken',
  plan: 'Godkjent aktivitetsplan',
  approval: 'Godkjenne innlevert plan',
  measure_evaluation: 'Evaluere tiltak',
  plan_evaluation: 'Evaluere planen',
  bti_decision: 'Beslutte BTI-nivå',
  consent_expiry: 'Samtykke utløper',
  ppt_advice: 'Råd fra PPT',
  sf_compliance: 'Gjennomføre Statsforvalterens vedtak',
};
const STATUS_LABELS: Record<string, string> = { pending: 'venter', met: 'oppfylt', overdue: 'oversittet', cancelled: 'bortfalt' };
const PLAN_STATUS_LABELS: Record<string, string> = {
  submitted: 'levert',
  approved: 'godkjent',
  returned: 'sendt tilbake',
  superseded: 'erstattet av ny versjon',
};
const ENFORCEMENT_LABELS: Record<string, string> = {
  not_raised: 'ikke tatt opp med rektor',
  raised: 'tatt opp med rektor',
  reported: 'meldt til Statsforvalteren',
  decided: 'vedtak med krav',
  complied: 'vedtaket er gjennomført',
  duty_met: 'Statsforvalteren fant aktivitetsplikten oppfylt',
};
/** A payload as "field: value" pairs, nested values as JSON. */
const fields = (payload: Record<string, unknown>) =>
  Object.entries(payload)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('  ·  ');
const say = (v: string | null) => (v ? (OUTCOME_LABELS[v] ?? v) : null);

const who = (p: Person | null) => (p ? `${p.name}${p.role ? ` (${p.role})` : ''}` : '–');
const when = (iso: string | null) => (iso ? iso.replace('T', ' kl. ').replace(/:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/, '') : '–');
const yesNo = (b: boolean) => (b ? 'ja' : 'nei');

export function caseFilePdf(file: CaseFile): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: file.title, Author: 'Trygg', Subject: `Sak ${file.case.id}`, CreationDate: new Date(file.exportedAt) },
  });
  const done = pdfBytes(doc);

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const h1 = (t: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(t, { width }).moveDown(0.3).font('Helvetica').fontSize(10);
  const h2 = (t: string) => doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10.5).text(t, { width }).font('Helvetica').fontSize(10);
  const field = (label: string, value: string | null | undefined) => {
    doc
      .font('Helvetica-Bold')
      .text(`${label}: `, { continued: true, width })
      .font('Helvetica')
      .text(value && value.length ? value : '–', { width });
  };
  const line = (t: string) => doc.text(t, { width });

  doc.font('Helvetica-Bold').fontSize(16).text('Saksmappe – aktivitetsplikten', { width });
  doc.font('Helvetica').fontSize(10).text(file.title, { width });
  field('Eksportert', `${when(file.exportedAt)} av ${who(file.exportedBy)}`);

  const c = file.case;
  h1('Saken');
  if (c.caseNumber) field('Saksnummer', c.caseNumber);
  field('Enhet', `${c.unit.name} (${c.unit.kind === 'school' ? 'skole' : 'barnehage'})`);
  field('Regelverk', c.legalBasis.join(', '));
  field('Status', STATE_LABELS[c.state] ?? c.state);
  field('Barn', c.children.map((x) => x.name).join(', '));
  field('Kilde', SOURCE_LABELS[c.source] ?? c.source);
  field('Bekymring', c.concern);
  field('Skjedde', when(c.occurredAt));
  field('Meldt', when(c.openedAt));
  field('Avsluttet', when(c.closedAt));
  field('Alvorlig sak', yesNo(c.serious));
  field('Ansatt krenker elev/barn', yesNo(c.staffOffender));
  field('Ledes av', c.handledBy === 'owner' ? 'eier (ledelsen er meldt som den som krenker)' : 'rektor/styrer');
  if (c.legalHold) field('Sperre mot sletting', c.legalHold);
  if (c.anonymisedAt) field('Anonymisert', when(c.anonymisedAt));

  h1('Plikter: hva ble gjort, når og av hvem');
  for (const d of file.duties) line(`${when(d.at)}  ${d.duty}${d.detail ? ` (${say(d.detail)})` : ''} – ${who(d.by)}  [#${d.seq}]`);

  h1('Barnets stemme');
  if (!file.childVoice.length) line('Ingen oppføringer.');
  for (const v of file.childVoice)
    line(`${when(v.at)}  ${v.child ?? 'Evaluering'}: ${v.heard ? '' : 'ikke hørt – '}${v.text ?? '–'} – ${who(v.by)}  [#${v.seq}]`);

  h1('Aktivitetsplaner');
  if (!file.plans.length) line('Ingen plan.');
  for (const p of file.plans) {
    h2(`Versjon ${p.version} (${PLAN_STATUS_LABELS[p.status] ?? p.status})`);
    field('1. Problemet tiltakene skal løse', p.problem);
    h2('2.–4. Tiltak, når de gjennomføres og hvem som er ansvarlig');
    p.measures.forEach((m, n) => {
      line(`${n + 1}. ${m.description}${m.ffss ? ` [${m.ffss}]` : ''}`);
      doc.text(`Når: ${m.when}.  Ansvarlig: ${who(m.responsible)}.  Evalueres: ${m.evaluateAt}.`, { width, indent: 14 });
    });
    field('5. Når tiltakene evalueres', p.evaluateAt);
    field('Barnets medvirkning', p.childParticipation);
    field('Foreldrenes medvirkning', p.parentsInvolved);
    field('Levert', `${when(p.submittedAt)} av ${who(p.submittedBy)}`);
    field('Godkjent', p.approvedAt ? `${when(p.approvedAt)} av ${who(p.approvedBy)}` : null);
    if (p.returnedReason) field('Sendt tilbake', p.returnedReason);
  }

  h1('Evalueringer og oppfølging av tiltak');
  if (!file.evaluations.length) line('Ingen oppføringer.');
  for (const e of file.evaluations) {
    line(
      `${when(e.at)}  ${entryLabel(e.kind)}${e.outcome ? ` (${say(e.outcome)})` : ''}: ${e.summary ?? ''}${e.childVoice ? ` Barnets stemme: ${e.childVoice}` : ''} – ${who(e.by)}  [#${e.seq}]`,
    );
  }

  h1('Frister');
  for (const d of file.deadlines) {
    line(
      `${DEADLINE_LABELS[d.kind] ?? d.kind}${d.ref ? ` (${d.ref})` : ''}: frist ${when(d.dueAt)}, ${STATUS_LABELS[d.status] ?? d.status}${d.resolvedAt ? ` ${when(d.resolvedAt)}` : ''} – ${who(d.responsible)}`,
    );
  }

  h1('BTI-stafettlogg');
  field('Nivå nå', `${file.btiLog.level} (${file.btiLog.state})`);
  for (const e of file.btiLog.entries) line(`${when(e.at)}  ${entryLabel(e.type)}  [#${e.seq}]`);

  if (file.enforcement) {
    h1('Statsforvalteren (opplæringslova § 12-6)');
    const s = file.enforcement;
    field('Status', ENFORCEMENT_LABELS[s.state] ?? s.state);
    field('Tatt opp med rektor', when(s.raisedAt));
    field('Meldt til Statsforvalteren', when(s.reportedAt));
    if (s.specialGrounds) field('Særlege grunnar', s.specialGrounds);
    for (const d of s.decisions)
      line(
        `Vedtak ${when(d.decidedAt)}: ${d.requirements.join('; ') || 'aktivitetsplikten oppfylt'}${d.deadline ? `, frist ${d.deadline}` : ''}`,
      );
    for (const x of s.compliances) line(`Gjennomført ${when(x.compliedAt)}: ${x.summary}`);
  }

  h1('Kronologi (hele historikken)');
  for (const e of file.chronology) {
    h2(`#${e.seq}  ${when(e.at)}  ${entryLabel(e.type)}`);
    const actor = e.actor?.userId
      ? `${file.people[e.actor.userId] ?? e.actor.userId} (${e.actor.role})`
      : e.actor?.role === 'system'
        ? 'Trygg (automatisk)'
        : 'Trygg';
    line(`Av: ${actor}`);
    const body = fields(e.payload);
    if (body) line(body.length > 3000 ? `${body.slice(0, 3000)} … (hele oppføringen står i JSON-uttrekket)` : body);
    for (const k of e.corrections)
      line(`Rettet i #${k.seq} (${when(k.at)}): ${JSON.stringify(k.corrected)} – begrunnelse: ${String(k.reason)}`);
    doc.fillColor('#666666').fontSize(7).text(`hash ${e.hash}`, { width }).fillColor('black').fontSize(10);
  }

  h1('Verifisering av historikken');
  const v = file.verification;
  field('Hash-kjeden er intakt', yesNo(v.valid));
  field('Antall hendelser', String(v.events));
  if (!v.valid) field('Første brudd', `#${v.firstBrokenSeq}: ${v.problem}`);
  if (v.erasedContents) field('Anonymiserte oppføringer (hash verifisert)', String(v.erasedContents));
  field('Siste hash', v.lastHash);

  // Page numbers, written into the bottom margin without starting a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#444444')
      .text(
        `Side ${i + 1} av ${range.count}  ·  Sak ${file.case.caseNumber ?? file.case.id}`,
        doc.page.margins.left,
        doc.page.height - 40,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
