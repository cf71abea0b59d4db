import { factsOf } from './case-access';
import { roleInCase } from './authorization.policy';
import { CaseView } from './case-view';
import { CaseRecord, UserContext } from './ports';

/**
 * PPT asked anonymously sees the case with every child identity removed: no names, no ids, no
 * free text from the case — only the principal's anonymous summary and the question (docs/domain.md §4).
 * Whitelists, so a field added to the case later is hidden from PPT until someone decides otherwise.
 */
export function seesAnonymously(user: UserContext, rec: CaseRecord, now: Date): boolean {
  return !!rec.bti.context.ppt?.anonymous && roleInCase(user, factsOf(rec, now)) === 'ppt';
}

export function anonymousCaseView(v: CaseView): CaseView {
  // Every field is named on purpose (no spread): a field added to CaseView does not compile
  // here until someone decides what PPT may see of it.
  return {
    id: v.id,
    // The case number finds the case in the municipality's journal, and so the school's records.
    caseNumber: null,
    depositedAt: null,
    version: v.version,
    regime: v.regime,
    legalBasis: v.legalBasis,
    state: v.state,
    unitId: v.unitId,
    groupId: null,
    childIds: [],
    source: 'anonymous',
    concern: v.ppt?.anonymousSummary ?? '',
    serious: v.serious,
    ownerNotified: v.ownerNotified,
    handledBy: v.handledBy,
    childSaysUnsafe: v.childSaysUnsafe,
    staffOffender: v.staffOffender,
    offenderIsLeadership: v.offenderIsLeadership,
    childVoiceOnRecord: [],
    investigationOutcome: v.investigationOutcome,
    // The group's step would point to the group, and so to a handful of children.
    staircaseStep: null,
    suggestions: [],
    // The scope is the school's free text ("share with PPT about Eva's reading"), so PPT does not get it.
    bti: {
      ...v.bti,
      consents: v.bti.consents.map((c) => ({
        service: c.service,
        status: c.status,
        form: c.form,
        scope: null,
        givenAt: c.givenAt,
        expiresAt: c.expiresAt,
        valid: c.valid,
      })),
    },
    ppt: v.ppt,
    enforcement: null,
    legalHold: null,
    anonymisedAt: v.anonymisedAt,
    plan: null,
    planVersions: [],
    measureStatus: {},
    nextEvaluationAt: null,
    deadlines: v.deadlines.filter((d) => d.kind === 'ppt_advice'),
    allowedCommands: v.allowedCommands,
    openedBy: '',
    occurredAt: null,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
  };
}

/**
 * A list filter that names a child would turn the list into a yes/no oracle for PPT asked
 * anonymously ("is this request about Eva?"), so such cases never match one.
 */
export function findableByChild(user: UserContext, rec: CaseRecord, now: Date): boolean {
  return !seesAnonymously(user, rec, now);
}

/** What of the history PPT sees in anonymous mode: its request and its own advice. */
export const PPT_ANONYMOUS_EVENTS: ReadonlySet<string> = new Set(['REQUEST_PPT', 'PPT_ADVICE']);
