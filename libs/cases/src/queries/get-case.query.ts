import { loadVisibleCase } from '../case-access';
import { CaseView } from '../case-view';
import { CaseViews } from '../case-views';
import { CaseStore, Clock, UserContext } from '../ports';

export class GetCase {
  constructor(
    private readonly store: CaseStore,
    private readonly views: CaseViews,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, caseId: string): Promise<CaseView> {
    const now = this.clock.now();
    const rec = await loadVisibleCase(this.store, user, caseId, now);
    return this.views.one(user, rec, now);
  }
}
