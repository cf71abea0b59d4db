/**
 * `npm run bench:hot-paths`: CPU per call of the two pieces of a command that run in Node alone,
 * each beside what the libraries do untouched, in one process, one after the other.
 * - A journal document (the concern's PDF/A): `PdfJournalRenderer` with glyphs, word layouts, font
 *   programs and compressed streams shared across documents (decisions 102 and 105), and with
 *   `shareAcrossDocuments: false`.
 * - The machines: the driver's `apply` and `open` (one inert scope per machine, decision 103)
 *   against XState's own `transition()` and `initialTransition()` alone. The driver does more
 *   (restores the snapshot, checks the command, copies the result out), so the comparison is
 *   conservative.
 * - The commands a principal may run on a new case, as every case view and every row of a list asks
 *   it: the drivers' `acceptedNow` for the three machines against XState's `can()` over the same
 *   probes.
 * Every document has its own number in its text, so each render lays out a word it has not seen.
 * A second set of documents has free text of its own (`free-text.ts`), as a concern's "Hva skjedde"
 * is: each uses other letters in another order (decision 109).
 * Env: BENCH_RENDERS (1,000), BENCH_TRANSITIONS (20,000). Prints; asserts nothing.
 */
import { AnyStateMachine, initialTransition, transition } from 'xstate';
import { PdfJournalRenderer } from '../../libs/archive/src/journal-document.pdf';
import type { JournalDocument } from '../../libs/cases/src/archive/journal-rules';
import { freeText } from './free-text';
import {
  BTI_COMMANDS,
  btiCommandsAcceptedNow,
  btiMachine,
  commandsAcceptedNow,
  DUTY_TO_ACT_COMMANDS,
  ENFORCEMENT_COMMANDS,
  enforcementCommandsAcceptedNow,
  dutyToActDriver,
  dutyToActMachine,
  enforcementMachine,
  openBti,
  openCase,
  openEnforcement,
} from '../../libs/workflow/src';
import { openInput, principal } from '../../libs/workflow/test/fixtures';

type ProbeTable = Record<string, { probes(context: never, base: { actor: typeof principal; at: string }): unknown[] }>;

const RENDERS = Number(process.env.BENCH_RENDERS ?? 1000);
const TRANSITIONS = Number(process.env.BENCH_TRANSITIONS ?? 20_000);

/** A concern's journal document as `journalDocumentOf` makes it, with a number of its own. */
const concern = (i: number): JournalDocument => ({
  title: 'Melding om at en elev ikke har et trygt og godt skolemiljø',
  unitName: 'Demo skole',
  legalBasis: ['opplæringslova § 12-4'],
  at: new Date(Date.UTC(2027, 2, 1, 8, i % 60)),
  author: 'Lærer Larsen (ansatt)',
  sections: [
    {
      fields: [
        ['Elev(er)', 'Ola Nordmann'],
        ['Hva skjedde', `Eleven ble holdt utenfor i friminuttet igjen, ${i} ganger denne uka. Flere andre elever sa stygge ting.`],
        ['Kilde', 'Ansatt så det selv'],
        ['Når det skjedde', '–'],
        ['Barnet sier selv at det ikke er trygt', 'Nei'],
        ['En som arbeider der, krenket', 'Nei'],
        ['Det gjelder ledelsen', 'Nei'],
      ],
    },
  ],
});

/** A concern with free text of its own (`free-text.ts`). */
function concernInOwnWords(i: number): JournalDocument {
  const d = concern(i);
  const fields = d.sections[0].fields.map(([k, v]) => [k, k === 'Hva skjedde' ? freeText(i) : v] as [string, string]);
  return { ...d, sections: [{ fields }] };
}

/** CPU (user + system) per call of `f`, after a warm-up of a tenth as many calls. */
async function cpuPerCall(n: number, f: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < n / 10; i++) await f(-i - 1);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await f(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

async function main(): Promise<void> {
  const shared = new PdfJournalRenderer();
  const plain = new PdfJournalRenderer({ shareAcrossDocuments: false });
  const renderPlain = await cpuPerCall(RENDERS, (i) => plain.render(concern(i)));
  const renderShared = await cpuPerCall(RENDERS, (i) => shared.render(concern(i)));
  const ownPlain = await cpuPerCall(RENDERS, (i) => plain.render(concernInOwnWords(i)));
  const ownShared = await cpuPerCall(RENDERS, (i) => shared.render(concernInOwnWords(i)));

  const opened = openCase(openInput()).snapshot;
  const acknowledge = { type: 'ACKNOWLEDGE', actor: principal, at: '2027-03-02T08:00:00.000Z' } as const;
  const resolved = dutyToActMachine.resolveState({ value: opened.value as never, context: opened.context as never });
  const applyXState = await cpuPerCall(TRANSITIONS, () => transition(dutyToActMachine, resolved, acknowledge as never));
  const applyDriver = await cpuPerCall(TRANSITIONS, () => dutyToActDriver.apply(opened, acknowledge as never));
  const openXState = await cpuPerCall(TRANSITIONS, () => {
    initialTransition(dutyToActMachine, openInput() as never);
    initialTransition(btiMachine, { handledBy: 'principal' } as never);
    initialTransition(enforcementMachine, { regime: 'school', handledBy: 'principal' } as never);
  });
  const openDriver = await cpuPerCall(TRANSITIONS, () => {
    openCase(openInput());
    openBti('principal');
    openEnforcement('school', 'principal');
  });

  const bti = openBti('principal').snapshot;
  const enforcement = openEnforcement('school', 'principal');
  const at = acknowledge.at;
  const base = { actor: principal, at };
  const canAny = (machine: AnyStateMachine, p: { value: unknown; context: unknown }, table: ProbeTable) => {
    const s = machine.resolveState({ value: p.value as never, context: p.context as never });
    return Object.entries(table).filter(([, row]) => row.probes(p.context as never, base).some((e: unknown) => s.can(e as never)));
  };
  const acceptedXState = await cpuPerCall(TRANSITIONS, () => [
    canAny(dutyToActMachine, opened, DUTY_TO_ACT_COMMANDS),
    canAny(btiMachine, bti, BTI_COMMANDS),
    canAny(enforcementMachine, enforcement, ENFORCEMENT_COMMANDS),
  ]);
  const acceptedDriver = await cpuPerCall(TRANSITIONS, () => [
    commandsAcceptedNow(opened, principal, at),
    btiCommandsAcceptedNow(bti, principal, at),
    enforcementCommandsAcceptedNow(enforcement, principal, at),
  ]);

  const row = (what: string, before: number, after: number, unit: 'ms' | 'µs') => {
    const k = unit === 'µs' ? 1000 : 1;
    console.log(`${what.padEnd(52)} ${(before * k).toFixed(2).padStart(8)} ${(after * k).toFixed(2).padStart(8)} ${unit}`);
  };
  console.log(`\nbench:hot-paths: CPU per call, node ${process.version}`);
  console.log(`${''.padEnd(52)} ${'library'.padStart(8)} ${'Trygg'.padStart(8)}`);
  console.log('(library: pdfkit and fontkit untouched; XState transition()/initialTransition() alone; can() over the probes)');
  row(`journal document (concern), ${RENDERS} renders`, renderPlain, renderShared, 'ms');
  row(`  with free text of its own, ${RENDERS} renders`, ownPlain, ownShared, 'ms');
  row(`ACKNOWLEDGE on a new case, ${TRANSITIONS} transitions`, applyXState, applyDriver, 'µs');
  row(`opening a case's three machines, ${TRANSITIONS} times`, openXState, openDriver, 'µs');
  row(`allowed commands, three machines, ${TRANSITIONS} times`, acceptedXState, acceptedDriver, 'µs');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
