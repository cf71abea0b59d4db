import { caseViewFor, loadVisibleCase } from '../case-access';
import { CaseView } from '../case-view';
import { CaseStore, Clock, UserContext } from '../ports';

export class GetCase {
  constructor(
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, caseId: string): Promise<CaseView> {
    const rec = await loadVisibleCase(this.store, user, caseId);
    return caseViewFor(this.store, user, rec, this.clock.now());
  }
}
