import { factsOf } from './case-access';
import { roleInCase } from './authorization.policy';
import { CaseView } from './case-view';
import { CaseRecord, UserContext } from './ports';

/**
 * PPT asked anonymously sees the case with every child identity removed: no names, no ids, no
 * free text from the case — only the principal's anonymous summary and the question (domain.md §4).
 * Whitelists, so a field added to the case later is hidden from PPT until someone decides otherwise.
 */
export function seesAnonymously(user: UserContext, rec: CaseRecord, now: Date): boolean {
  return !!rec.bti.context.ppt?.anonymous && roleInCase(user, factsOf(rec, now)) === 'ppt';
}

export function anonymousCaseView(v: CaseView): CaseView {
  return {
    ...v,
    groupId: null,
    childIds: [],
    source: 'anonymous',
    concern: v.ppt?.anonymousSummary ?? '',
    childVoiceOnRecord: [],
    plan: null,
    planVersions: [],
    measureStatus: {},
    openedBy: '',
    occurredAt: null,
    deadlines: v.deadlines.filter((d) => d.kind === 'ppt_advice'),
    bti: { ...v.bti, consents: v.bti.consents.map((c) => ({ ...c })) },
    enforcement: null,
    legalHold: null,
  };
}

/** What of the history PPT sees in anonymous mode: its request and its own advice. */
export const PPT_ANONYMOUS_EVENTS: ReadonlySet<string> = new Set(['REQUEST_PPT', 'PPT_ADVICE']);
