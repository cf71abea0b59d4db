import { DEADLINE_KIND_TABLE } from '../../../workflow/src';
import { caseScopeOf } from '../authorization.policy';
import { deadlineView, DeadlineView } from '../case-view';
import { CaseStore, Clock, UserContext } from '../ports';

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
      // The deadline's own fields last: a literal that adds fields after a spread is slow per row
      // (decision 107).
      return {
        caseId: r.caseId,
        unitId: r.unitId,
        caseState: r.caseState,
        what: DEADLINE_KIND_TABLE[r.deadline.kind].task,
        overdue: view.status === 'overdue',
        ...view,
      };
    });
  }
}
