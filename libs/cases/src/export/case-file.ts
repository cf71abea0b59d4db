import { Plan, REGIME_LAW, toOsloIso } from '../../../workflow/src';
import { BtiLog } from '../bti/bti-log.query';
import { deadlineView, DeadlineView, EnforcementView } from '../case-view';
import { ChainRow, ChainVerification, exportChain, ExportedChainRow } from '../history';
import { CaseRecord, DeadlineRecord, StoredEvent, UnitInfo } from '../ports';
import { EventView, historyView } from '../queries/case-history.query';
import { dutyLabel, entryLabel } from '../history/entry-labels';

export { entryLabel };

/**
 * The case file (saksmappe): the complete documentation of one case for Statsforvalteren or the
 * archive (docs/domain.md §2 "Dokumentere", §3, §7). Built from the stored history only, so what it
 * says is what the hash chain covers; the verification result travels with it.
 */
export interface Person {
  userId: string | null;
  name: string;
  role: string | null;
}

export interface DutyEntry {
  seq: number;
  /** What was done, as the law and practice name it (Norwegian). */
  duty: string;
  at: string;
  by: Person;
  /** Outcome or reason, where the entry has one. */
  detail: string | null;
}

export interface PlanInFile {
  version: number;
  status: string;
  problem: string;
  evaluateAt: string;
  measures: Array<{ id: string; description: string; ffss: string | null; when: string; responsible: Person; evaluateAt: string }>;
  childParticipation: string | null;
  parentsInvolved: string | null;
  submittedAt: string;
  submittedBy: Person;
  approvedAt: string | null;
  approvedBy: Person | null;
  returnedReason: string | null;
}

export interface CaseFile {
  title: string;
  exportedAt: string;
  exportedBy: Person;
  case: {
    id: string;
    /** The case number in the archive (saksår/sekvensnummer). */
    caseNumber: string | null;
    unit: { id: string; name: string; kind: string };
    regime: string;
    legalBasis: string[];
    state: string;
    source: string;
    concern: string;
    occurredAt: string | null;
    openedAt: string;
    closedAt: string | null;
    serious: boolean;
    staffOffender: boolean;
    handledBy: string;
    children: Array<{ id: string; name: string }>;
    anonymisedAt: string | null;
    legalHold: string | null;
  };
  duties: DutyEntry[];
  childVoice: Array<{
    seq: number;
    at: string;
    childId: string | null;
    child: string | null;
    heard: boolean;
    text: string | null;
    by: Person;
  }>;
  plans: PlanInFile[];
  evaluations: Array<{
    seq: number;
    at: string;
    kind: string;
    outcome: string | null;
    summary: string | null;
    childVoice: string | null;
    by: Person;
  }>;
  deadlines: Array<DeadlineView & { responsible: Person | null }>;
  btiLog: BtiLog;
  enforcement: EnforcementView | null;
  chronology: EventView[];
  /** Names of the people the file refers to by id (actors, responsible people). */
  people: Record<string, string>;
  verification: ChainVerification;
  /**
   * The history exactly as stored (facts, content with its salt, links and hashes), so anyone can
   * recompute every hash with RFC 8785 and SHA-256 without Trygg (`npm run verify:case-file`).
   */
  chain: ExportedChainRow[];
}
const text = (v: unknown): string | null => (typeof v === 'string' ? v : v === undefined || v === null ? null : JSON.stringify(v));

export interface CaseFileInput {
  rec: CaseRecord;
  unit: UnitInfo;
  events: StoredEvent[];
  chain: ChainRow[];
  deadlines: DeadlineRecord[];
  btiLog: BtiLog;
  enforcement: EnforcementView | null;
  verification: ChainVerification;
  userNames: Map<string, string>;
  childNames: Map<string, string>;
  exportedBy: { userId: string; role: string };
  now: Date;
}

export function buildCaseFile(i: CaseFileInput): CaseFile {
  const { rec } = i;
  const person = (userId: string | null, role: string | null): Person => ({
    userId,
    name: userId ? (i.userNames.get(userId) ?? 'ukjent bruker') : role === 'system' ? 'Trygg (automatisk)' : 'Trygg',
    role,
  });
  const by = (e: StoredEvent) => person(e.actorUserId, e.actorRole);
  // An anonymised case has no child ids left, so it names no child.
  const children = rec.childIds.map((id) => ({ id, name: i.childNames.get(id) ?? 'ukjent barn' }));
  const childOf = (id: unknown) => children.find((c) => c.id === id)?.name ?? null;
  const ctx = rec.snapshot.context;
  const plans = [...ctx.planVersions, ...(ctx.plan ? [ctx.plan] : [])].map((p: Plan) => ({
    version: p.version,
    status: p.status,
    problem: p.problem,
    evaluateAt: p.evaluateAt,
    measures: p.measures.map((m) => ({
      id: m.id,
      description: m.description,
      ffss: m.ffss ?? null,
      when: m.when,
      responsible: person(m.responsibleUserId, null),
      evaluateAt: m.evaluateAt,
    })),
    childParticipation: p.childParticipation ?? null,
    parentsInvolved: p.parentsInvolved ?? null,
    submittedAt: toOsloIso(new Date(p.submittedAt)),
    submittedBy: person(p.submittedBy, null),
    approvedAt: p.approvedAt ? toOsloIso(new Date(p.approvedAt)) : null,
    approvedBy: p.approvedBy ? person(p.approvedBy, null) : null,
    returnedReason: p.returnedReason,
  }));
  return {
    title: `Saksmappe: ${REGIME_LAW[rec.regime].dutyToAct} (${i.unit.name})`,
    exportedAt: toOsloIso(i.now),
    exportedBy: person(i.exportedBy.userId, i.exportedBy.role),
    case: {
      id: rec.id,
      caseNumber: rec.caseNumber,
      unit: { id: i.unit.id, name: i.unit.name, kind: i.unit.kind },
      regime: rec.regime,
      legalBasis: ctx.legalBasis,
      state: rec.state,
      source: rec.source,
      concern: rec.concern,
      occurredAt: rec.occurredAt ? toOsloIso(rec.occurredAt) : null,
      openedAt: toOsloIso(rec.openedAt),
      closedAt: rec.closedAt ? toOsloIso(rec.closedAt) : null,
      serious: rec.serious,
      staffOffender: ctx.staffOffender,
      handledBy: rec.handledBy,
      children,
      anonymisedAt: rec.anonymisedAt ? toOsloIso(rec.anonymisedAt) : null,
      legalHold: rec.legalHold,
    },
    duties: i.events
      .filter((e) => dutyLabel(e.type))
      .map((e) => ({
        seq: e.seq,
        duty: dutyLabel(e.type) as string,
        at: toOsloIso(e.at),
        by: by(e),
        detail: text(e.payload.outcome ?? e.payload.reason ?? e.payload.kind ?? null),
      })),
    childVoice: i.events
      .filter((e) => e.type === 'RECORD_CHILD_VOICE' || (e.type === 'EVALUATE' && e.payload.childVoice))
      .map((e) => ({
        seq: e.seq,
        at: toOsloIso(e.at),
        childId: (e.payload.childId as string | undefined) ?? null,
        child: childOf(e.payload.childId),
        heard: e.type === 'EVALUATE' || !e.payload.notHeardReason,
        text: text(e.payload.summary ?? e.payload.childVoice ?? e.payload.notHeardReason),
        by: by(e),
      })),
    plans,
    evaluations: i.events
      .filter((e) => ['RECORD_MEASURE', 'START_EVALUATION', 'EVALUATE', 'BTI_EVALUATE'].includes(e.type))
      .map((e) => ({
        seq: e.seq,
        at: toOsloIso(e.at),
        kind: e.type,
        outcome: text(e.payload.outcome ?? e.payload.status ?? e.payload.decision ?? null),
        summary: text(e.payload.summary ?? e.payload.note ?? null),
        childVoice: text(e.payload.childVoice ?? null),
        by: by(e),
      })),
    deadlines: i.deadlines.map((d) => ({
      ...deadlineView(d, i.now),
      responsible: d.responsibleUserId ? person(d.responsibleUserId, null) : null,
    })),
    btiLog: i.btiLog,
    enforcement: i.enforcement,
    chronology: historyView(i.events),
    people: Object.fromEntries(i.userNames),
    verification: i.verification,
    chain: exportChain(i.chain),
  };
}
