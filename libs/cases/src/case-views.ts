import { allowedCommandsFor } from './case-access';
import { CaseView, toCaseView } from './case-view';
import { OmniInsight } from './omni-insight';
import { anonymousCaseView, seesAnonymously } from './ppt-anonymity';
import { CaseRecord, CaseStore, UserContext } from './ports';

/** The one place a stored case becomes what a user sees: deadlines, commands offered, Omni extras. */
export class CaseViews {
  constructor(
    private readonly store: CaseStore,
    private readonly omni: OmniInsight,
  ) {}

  async one(user: UserContext, rec: CaseRecord, now: Date): Promise<CaseView> {
    return (await this.many(user, [rec], now))[0];
  }

  async many(user: UserContext, recs: CaseRecord[], now: Date): Promise<CaseView[]> {
    const [deadlines, extras] = await Promise.all([this.store.deadlinesOf(recs.map((r) => r.id)), this.omni.forCases(recs)]);
    return recs.map((rec) => {
      const view = toCaseView(rec, deadlines.get(rec.id) ?? [], allowedCommandsFor(user, rec, now), now, extras.get(rec.id));
      return seesAnonymously(user, rec, now) ? anonymousCaseView(view) : view;
    });
  }
}
