import { actorFor, allowedCommandsFor } from '../case-access';
import { CaseView, toCaseView } from '../case-view';
import { NotFoundError } from '../errors';
import { CaseRecord, CaseStore, Clock, UserContext } from '../ports';

/** Loads a case the user may see; anything else is "not found" (never revealing it exists). */
export async function loadVisibleCase(store: CaseStore, user: UserContext, caseId: string): Promise<CaseRecord> {
  const rec = await store.get(caseId);
  if (!rec || !actorFor(user, rec)) throw new NotFoundError('case not found');
  return rec;
}

export class GetCase {
  constructor(
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, caseId: string): Promise<CaseView> {
    const rec = await loadVisibleCase(this.store, user, caseId);
    const now = this.clock.now();
    return toCaseView(rec, await this.store.deadlines(rec.id), allowedCommandsFor(user, rec, now), now);
  }
}
