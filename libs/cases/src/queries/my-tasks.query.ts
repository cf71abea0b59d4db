import { DeadlineKind } from '../../../workflow/src';
import { caseScopeOf } from '../authorization.policy';
import { deadlineView, DeadlineView } from '../case-view';
import { CaseStore, Clock, UserContext } from '../ports';

const WHAT_TO_DO: Record<DeadlineKind, string> = {
  acknowledge: 'Acknowledge the report (bekreft mottatt melding)',
  investigation: 'Conclude the investigation (undersøk saken)',
  plan: 'Make and get approved a written plan (aktivitetsplan)',
  approval: 'Approve or return the submitted plan',
  measure_evaluation: 'Evaluate the measure you are responsible for',
  plan_evaluation: 'Evaluate the plan with the child (evaluering)',
  bti_decision: 'Decide the BTI level (nivå 0: avslutt, nivå 1, 2 eller 3)',
  consent_expiry: 'A consent (samtykke) to share with a service runs out: renew it or stop sharing',
  ppt_advice: 'PPT: give your advice on the case (PPT_ADVICE)',
  sf_compliance: "Carry out Statsforvalteren's decision (vedtak) by its deadline and record it (SF_COMPLIANCE)",
};

export interface TaskView extends DeadlineView {
  caseId: string;
  unitId: string;
  caseState: string;
  what: string;
  overdue: boolean;
}

/** What the user must do now: their pending deadlines across visible cases, soonest first. */
export class GetMyTasks {
  constructor(
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext): Promise<TaskView[]> {
    const now = this.clock.now();
    const rows = await this.store.pendingDeadlinesOf(user.id, caseScopeOf(user, now), 200);
    return rows.map((r) => {
      const view = deadlineView(r.deadline, now);
      return {
        ...view,
        caseId: r.caseId,
        unitId: r.unitId,
        caseState: r.caseState,
        what: WHAT_TO_DO[r.deadline.kind],
        overdue: view.status === 'overdue',
      };
    });
  }
}
