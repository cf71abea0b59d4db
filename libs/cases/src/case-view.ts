import {
  btiStateOf,
  CaseState,
  consentValid,
  enforcementStateOf,
  ONE_WEEK_MS,
  Plan,
  SfDecision,
  Suggestion,
  toOsloIso,
} from '../../workflow/src';
import { CaseRecord, DeadlineRecord } from './ports';

/** The case as docs/api-contract.md shows it. Timestamps in Oslo time with offset. */
export interface DeadlineView {
  id: string;
  kind: string;
  ref: string | null;
  dueAt: string;
  status: 'pending' | 'met' | 'overdue' | 'cancelled';
  responsibleUserId: string | null;
  resolvedAt: string | null;
  /** When the responsible person is reminded (policy), and whether that happened. */
  reminderAt: string | null;
  /** The escalation ladder while overdue (policy): principal, then owner. */
  escalation: { toPrincipalAt: string | null; toOwnerAt: string | null; escalatedTo: string[] };
}

export interface CaseView {
  id: string;
  /** The case number in the archive (saksår/sekvensnummer, e.g. 2027/17). */
  caseNumber: string | null;
  /** When a deposit to the archive (arkivuttrekk) took the case. */
  depositedAt: string | null;
  version: number;
  regime: string;
  legalBasis: string[];
  state: CaseState;
  unitId: string;
  groupId: string | null;
  childIds: string[];
  source: string;
  concern: string;
  serious: boolean;
  ownerNotified: boolean;
  handledBy: 'principal' | 'owner';
  childSaysUnsafe: boolean;
  staffOffender: boolean;
  offenderIsLeadership: boolean;
  childVoiceOnRecord: string[];
  investigationOutcome: 'safe' | 'not_safe' | null;
  /** Omni-trappa step of the case's group (or its children's groups, the highest); null until assessed. */
  staircaseStep: number | null;
  /** The owner's guidance applied to the case now (decision support, policy). */
  suggestions: Suggestion[];
  /** BTI responsibility level and who coordinates (docs/domain.md §4). */
  bti: BtiView;
  /** PPT's part, once asked: the question, and whether PPT sees the case anonymously. */
  ppt: { requestedAt: string; question: string; anonymous: boolean; anonymousSummary: string | null } | null;
  /** Statsforvalteren's enforcement (opplæringslova §12-6); null for kindergartens, which have none. */
  enforcement: EnforcementView | null;
  /** Why retention must keep the case; null when there is no legal hold. */
  legalHold: string | null;
  /** When retention anonymised the case (names and free text replaced). */
  anonymisedAt: string | null;
  plan: Plan | null;
  planVersions: Plan[];
  measureStatus: Record<string, string>;
  nextEvaluationAt: string | null;
  deadlines: DeadlineView[];
  allowedCommands: string[];
  openedBy: string;
  occurredAt: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface EnforcementView {
  state: string;
  raisedAt: string | null;
  raisedAutomatically: boolean;
  /** One week after raising (§12-6 second paragraph), unless Statsforvalteren finds special grounds. */
  earliestReportAt: string | null;
  reportedAt: string | null;
  specialGrounds: string | null;
  decisions: SfDecision[];
  compliances: Array<{ compliedAt: string; summary: string; recordedAt: string }>;
}

export function enforcementView(rec: CaseRecord): EnforcementView | null {
  if (rec.regime !== 'school') return null;
  const c = rec.enforcement.context;
  const osloIso = (at: string | null) => (at ? toOsloIso(new Date(at)) : null);
  return {
    state: enforcementStateOf(rec.enforcement),
    raisedAt: osloIso(c.raisedAt),
    raisedAutomatically: c.raisedAutomatically,
    earliestReportAt: c.raisedAt ? toOsloIso(new Date(new Date(c.raisedAt).getTime() + ONE_WEEK_MS)) : null,
    reportedAt: osloIso(c.reportedAt),
    specialGrounds: c.specialGrounds,
    decisions: c.decisions,
    compliances: c.compliances,
  };
}

export interface BtiView {
  level: number;
  state: string;
  coordinator: string | null;
  pendingCoordinator: string | null;
  services: string[];
  consents: Array<{
    service: string;
    status: string;
    form: string | null;
    /** What may be shared, and for what, as the consent was given (free text). */
    scope: string | null;
    givenAt: string | null;
    expiresAt: string | null;
    valid: boolean;
  }>;
  barnevernReportedAt: string | null;
}

export function btiView(rec: CaseRecord, now: Date): BtiView {
  const c = rec.bti.context;
  return {
    level: c.level,
    state: btiStateOf(rec.bti),
    coordinator: c.coordinator,
    pendingCoordinator: c.pendingCoordinator,
    services: c.services,
    consents: Object.values(c.consents).map((x) => ({
      service: x.service,
      status: x.status,
      form: x.form,
      scope: x.scope || null,
      givenAt: x.givenAt,
      expiresAt: x.expiresAt,
      valid: consentValid(c, x.service, now.toISOString()),
    })),
    barnevernReportedAt: c.barnevernReportedAt,
  };
}

export function deadlineView(d: DeadlineRecord, now: Date): DeadlineView {
  const overdue = d.status === 'pending' && d.dueAt.getTime() < now.getTime();
  return {
    id: d.id,
    kind: d.kind,
    ref: d.ref || null,
    dueAt: toOsloIso(d.dueAt),
    status: overdue ? 'overdue' : d.status,
    responsibleUserId: d.responsibleUserId,
    resolvedAt: d.resolvedAt ? toOsloIso(d.resolvedAt) : null,
    reminderAt: iso(d.schedule.remind),
    escalation: {
      toPrincipalAt: iso(d.schedule.escalate_principal),
      toOwnerAt: iso(d.schedule.escalate_owner),
      escalatedTo: d.escalatedTo,
    },
  };
}

const iso = (d: Date | null) => (d ? toOsloIso(d) : null);

export function toCaseView(
  rec: CaseRecord,
  deadlines: DeadlineRecord[],
  allowedCommands: string[],
  now: Date,
  omni: { staircaseStep: number | null; suggestions: Suggestion[] } = { staircaseStep: null, suggestions: [] },
): CaseView {
  const ctx = rec.snapshot.context;
  return {
    id: rec.id,
    caseNumber: rec.caseNumber,
    depositedAt: rec.depositedAt ? toOsloIso(rec.depositedAt) : null,
    version: rec.version,
    regime: rec.regime,
    legalBasis: ctx.legalBasis,
    state: rec.state,
    unitId: rec.unitId,
    groupId: rec.groupId,
    childIds: rec.childIds,
    source: rec.source,
    concern: rec.concern,
    serious: ctx.serious,
    ownerNotified: ctx.ownerNotified,
    handledBy: ctx.handledBy,
    childSaysUnsafe: ctx.childSaysUnsafe,
    staffOffender: ctx.staffOffender,
    offenderIsLeadership: ctx.offenderIsLeadership,
    childVoiceOnRecord: [...new Set(ctx.childVoices.map((v) => v.childId))],
    investigationOutcome: ctx.investigationOutcome,
    staircaseStep: omni.staircaseStep,
    suggestions: omni.suggestions,
    bti: btiView(rec, now),
    ppt: rec.bti.context.ppt
      ? {
          requestedAt: rec.bti.context.ppt.requestedAt,
          question: rec.bti.context.ppt.question,
          anonymous: rec.bti.context.ppt.anonymous,
          anonymousSummary: rec.bti.context.ppt.anonymousSummary,
        }
      : null,
    enforcement: enforcementView(rec),
    legalHold: rec.legalHold,
    anonymisedAt: rec.anonymisedAt ? toOsloIso(rec.anonymisedAt) : null,
    plan: ctx.plan,
    planVersions: ctx.planVersions,
    measureStatus: ctx.measureStatus,
    nextEvaluationAt: ctx.nextEvaluationAt,
    deadlines: deadlines.map((d) => deadlineView(d, now)),
    allowedCommands,
    openedBy: rec.openedBy,
    occurredAt: rec.occurredAt ? toOsloIso(rec.occurredAt) : null,
    openedAt: toOsloIso(rec.openedAt),
    closedAt: rec.closedAt ? toOsloIso(rec.closedAt) : null,
  };
}
