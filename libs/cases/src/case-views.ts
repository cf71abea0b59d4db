import { allowedCommandsFor } from './case-access';
import { CaseView, toCaseView } from './case-view';
import { OmniInsight } from './omni-insight';
import { anonymousCaseView, seesAnonymously } from './ppt-anonymity';
import { CaseRecord, CaseStore, DeadlineRecord, UserContext } from './ports';

/** The one place a stored case becomes what a user sees: deadlines, commands offered, Omni extras. */
export class CaseViews {
  constructor(
    private readonly store: CaseStore,
    private readonly omni: OmniInsight,
  ) {}

  /** `deadlines`: the case's deadlines when the caller has them already (a write that returned them). */
  async one(user: UserContext, rec: CaseRecord, now: Date, deadlines?: DeadlineRecord[]): Promise<CaseView> {
    return (await this.many(user, [rec], now, deadlines && new Map([[rec.id, deadlines]])))[0];
  }

  async many(user: UserContext, recs: CaseRecord[], now: Date, known?: Map<string, DeadlineRecord[]>): Promise<CaseView[]> {
    const [deadlines, extras] = await Promise.all([known ?? this.store.deadlinesOf(recs.map((r) => r.id)), this.omni.forCases(recs)]);
    return recs.map((rec) => {
      const view = toCaseView(rec, deadlines.get(rec.id) ?? [], allowedCommandsFor(user, rec, now), now, extras.get(rec.id));
      return seesAnonymously(user, rec, now) ? anonymousCaseView(view) : view;
    });
  }
}
