import { CaseSupervision, deadlineOutcome, DeadlineRecord, totalsOf } from '../src';

const at = (iso: string) => new Date(iso);

function deadline(over: Partial<DeadlineRecord>): DeadlineRecord {
  return {
    id: 'd',
    caseId: 'c',
    kind: 'acknowledge',
    ref: '',
    dueAt: at('2027-03-02T15:00:00Z'),
    status: 'pending',
    responsibleUserId: null,
    createdAt: at('2027-03-01T08:00:00Z'),
    resolvedAt: null,
    rev: 1,
    schedule: { remind: null, start_evaluation: null, overdue: null, escalate_principal: null, escalate_owner: null },
    done: { remind: null, start_evaluation: null, overdue: null, escalate_principal: null, escalate_owner: null },
    escalatedTo: [],
    ...over,
  };
}

function row(hours: number | null, ackOnTime: boolean | null, staff?: { reportedImmediately: boolean | null }): CaseSupervision {
  return {
    caseId: 'c',
    regime: 'school',
    state: 'closed',
    serious: false,
    staffOffender: !!staff,
    handledBy: 'principal',
    dutyToAct: {
      occurredAt: null,
      reportedAt: '',
      acknowledgedAt: null,
      investigationConcludedAt: null,
      planApprovedAt: null,
      firstEvaluationAt: null,
      hours: {
        occurredToReported: null,
        reportedToAcknowledged: hours,
        acknowledgedToConcluded: null,
        concludedToPlanApproved: null,
        planApprovedToFirstEvaluation: null,
      },
      acknowledgedOnTime: ackOnTime,
      investigatedOnTime: null,
      planOnTime: null,
      childVoiceOnRecord: true,
      planHasFiveElements: null,
    },
    staffOffence: staff ? { reportedImmediately: staff.reportedImmediately, acknowledgedInTime: null, ownerInformedAt: null } : null,
    measuresEvaluated: { planVersions: 0, evaluationsDue: 0, evaluationsOnTime: 0, evaluationsLate: 0, evaluationsMissed: 0 },
    ownerFollowUp: { ownerInformedAt: null, overdueNow: [], escalatedToOwner: false },
  };
}

describe('supervision figures', () => {
  const now = at('2027-03-10T12:00:00Z');

  it('a deadline is met, late, missed, pending or cancelled', () => {
    expect(deadlineOutcome(deadline({ status: 'met', resolvedAt: at('2027-03-02T14:00:00Z') }), now)).toBe('met');
    expect(deadlineOutcome(deadline({ status: 'met', resolvedAt: at('2027-03-02T15:00:00Z') }), now)).toBe('met');
    expect(deadlineOutcome(deadline({ status: 'met', resolvedAt: at('2027-03-02T15:00:01Z') }), now)).toBe('late');
    expect(deadlineOutcome(deadline({}), now)).toBe('missed');
    expect(deadlineOutcome(deadline({}), at('2027-03-02T14:59:59Z'))).toBe('pending');
    expect(deadlineOutcome(deadline({ status: 'cancelled' }), now)).toBe('cancelled');
  });

  it('ratios count only cases where the question applies; medians skip steps not reached', () => {
    const t = totalsOf([row(2, true), row(5, false), row(null, null), row(10, true, { reportedImmediately: false })]);
    expect(t.dutyToAct.acknowledgedOnTime).toEqual({ yes: 2, of: 3 });
    expect(t.dutyToAct.medianHours.reportedToAcknowledged).toBe(5);
    expect(totalsOf([row(2, true), row(5, true)]).dutyToAct.medianHours.reportedToAcknowledged).toBe(3.5);
    expect(t.staffOffence).toMatchObject({ cases: 1, reportedImmediately: { yes: 0, of: 1 } });
    expect(totalsOf([]).dutyToAct.medianHours.reportedToAcknowledged).toBeNull();
  });
});
