import { addDays, isValidIsoDate, osloDateOf, osloInstant, toOsloIso } from '../../../workflow/src';
import { actorFor } from '../case-access';
import { mayReadOwnerSettings, maySuperviseOwner, maySuperviseUnit, visibleUnitIds } from '../authorization.policy';
import { CaseReader } from '../audit/case-reader';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { CaseStore, Clock, Directory, PolicyProvider, UnitInfo, UserContext } from '../ports';
import { CaseSupervision, superviseCase, SupervisionTotals, totalsOf } from './supervision.report';

export interface SupervisionWindow {
  /** First day (Oslo), inclusive; default: a year before `to`. */
  from?: string;
  /** Last day (Oslo), inclusive; default: today. */
  to?: string;
  purpose?: string | null;
}

export interface UnitSupervisionReport {
  unitId: string;
  unitName: string;
  regime: string;
  from: string;
  to: string;
  generatedAt: string;
  /** The numbers a case is measured against are the owner's policy, not law. */
  policyNote: string;
  totals: SupervisionTotals;
  cases: CaseSupervision[];
}

export interface OwnerSupervisionReport {
  ownerId: string;
  from: string;
  to: string;
  generatedAt: string;
  policyNote: string;
  totals: SupervisionTotals;
  units: Array<{ unitId: string; unitName: string; regime: string; totals: SupervisionTotals }>;
}

const POLICY_NOTE =
  'On time = by the deadline the owner\'s policy set (policy, not law: the law says "snarast" and "straks"). Hours are clock hours between the recorded steps.';

/** Cases opened in the window are measured (tilsyn, docs/domain.md §3). */
export class Supervision {
  constructor(
    private readonly store: CaseStore,
    private readonly directory: Directory,
    private readonly policies: PolicyProvider,
    private readonly reader: CaseReader,
    private readonly clock: Clock,
  ) {}

  async unit(user: UserContext, unitId: string, window: SupervisionWindow): Promise<UnitSupervisionReport> {
    const now = this.clock.now();
    const unit = await this.directory.unit(unitId);
    // A unit outside the user's scope is "not found", exactly like one that does not exist.
    if (!unit || !visibleUnitIds(user, [unit]).includes(unit.id)) throw new NotFoundError('unit not found');
    if (!maySuperviseUnit(user, unit))
      throw new ForbiddenError("the supervision view is for the unit's principal, the owner and auditors", 'principal|owner|auditor');
    const { from, to, range } = windowOf(window, now);
    const cases = await this.measure(user, [unit], range, now);
    // Every case the view draws on is read, and logged as such.
    await this.reader.logMany(user, cases.recs, 'supervision', now, { purpose: window.purpose ?? null, detail: `${from}..${to}` });
    return {
      unitId: unit.id,
      unitName: unit.name,
      regime: unit.kind,
      from,
      to,
      generatedAt: toOsloIso(now),
      policyNote: POLICY_NOTE,
      totals: totalsOf(cases.rows),
      cases: cases.rows,
    };
  }

  async owner(user: UserContext, ownerId: string, window: SupervisionWindow): Promise<OwnerSupervisionReport> {
    const now = this.clock.now();
    // The same "not found" as the owner's other pages for anyone who does not work for it (drift included).
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!maySuperviseOwner(user, ownerId))
      throw new ForbiddenError("the owner's supervision view is for the owner and its auditors", 'owner|auditor');
    const { from, to, range } = windowOf(window, now);
    const units = await this.directory.unitsOfOwners([ownerId]);
    const cases = await this.measure(user, units, range, now);
    // Totals only: no case is shown, so no case read is logged here (the per-unit view logs them).
    return {
      ownerId,
      from,
      to,
      generatedAt: toOsloIso(now),
      policyNote: POLICY_NOTE,
      totals: totalsOf(cases.rows),
      units: units.map((u) => ({
        unitId: u.id,
        unitName: u.name,
        regime: u.kind,
        totals: totalsOf(cases.rows.filter((_, i) => cases.recs[i].unitId === u.id)),
      })),
    };
  }

  private async measure(user: UserContext, units: UnitInfo[], range: { from: Date; to: Date }, now: Date) {
    const all = await this.store.openedBetween(
      units.map((u) => u.id),
      range.from,
      range.to,
    );
    // A principal does not see cases the owner leads (the leadership is the offender).
    const recs = all.filter((r) => actorFor(user, r, now));
    const [timelines, deadlines] = await Promise.all([
      this.store.timelinesOf(recs.map((r) => r.id)),
      this.store.deadlinesOf(recs.map((r) => r.id)),
    ]);
    const policies = new Map<string, Awaited<ReturnType<PolicyProvider['policyFor']>>>();
    const rows: CaseSupervision[] = [];
    for (const rec of recs) {
      if (!policies.has(rec.ownerId)) policies.set(rec.ownerId, await this.policies.policyFor(rec.ownerId));
      rows.push(superviseCase(rec, timelines.get(rec.id) ?? [], deadlines.get(rec.id) ?? [], policies.get(rec.ownerId)!, now));
    }
    return { recs, rows };
  }
}

function windowOf(w: SupervisionWindow, now: Date) {
  const errors = [];
  if (w.from !== undefined && !isValidIsoDate(w.from)) errors.push({ field: 'from', message: 'must be a date (YYYY-MM-DD)' });
  if (w.to !== undefined && !isValidIsoDate(w.to)) errors.push({ field: 'to', message: 'must be a date (YYYY-MM-DD)' });
  if (errors.length) throw new InvalidInputError(errors);
  const to = w.to ?? osloDateOf(now);
  const from = w.from ?? addDays(to, -364);
  if (from > to) throw new InvalidInputError([{ field: 'from', message: `must not be after to (${to})` }]);
  if (from < addDays(to, -3660)) throw new InvalidInputError([{ field: 'from', message: 'the window is at most ten years' }]);
  return { from, to, range: { from: osloInstant(from, '00:00'), to: osloInstant(addDays(to, 1), '00:00') } };
}
