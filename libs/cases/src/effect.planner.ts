import {
  BtiEffect,
  CASE_WORK_DEADLINES,
  DEADLINE_KIND_TABLE,
  dueAt,
  unhandled,
  Effect,
  EnforcementEffect,
  scheduleFor,
} from '../../workflow/src';
import { CaseWrites, Directory, PolicyProvider, UnitInfo } from './ports';

/**
 * Turns the machine's effects into the rows one transaction writes: deadline changes (due
 * dates and step schedules from the owner's policy and school calendar), system events such as
 * OWNER_NOTIFIED, and the notifications they owe.
 */
export async function planEffects(
  effects: Array<Effect | BtiEffect | EnforcementEffect>,
  /** `coordinator`: the BTI stafettholder, who answers for consent deadlines when there is one. */
  target: {
    caseId: string;
    unit: UnitInfo;
    handledBy: 'principal' | 'owner';
    coordinator?: string | null;
    /** Who reported the concern, when it is someone other than the one acting now. */
    reporterUserId?: string | null;
  },
  now: Date,
  deps: { directory: Directory; policies: PolicyProvider },
): Promise<CaseWrites> {
  const writes: CaseWrites = { events: [], deadlines: [], notifications: [] };
  if (effects.length === 0) return writes;
  const { unit, handledBy, caseId } = target;
  const policy = await deps.policies.policyFor(unit.ownerId);
  const calendar = await deps.policies.calendarFor(unit.ownerId, unit.id);
  let leader: string | null | undefined;
  for (const e of effects) {
    switch (e.type) {
      case 'startDeadline': {
        const leaderId = async () => (leader === undefined ? (leader = await deps.directory.leaderOf(unit, handledBy)) : leader);
        let responsible: string | null;
        const who = DEADLINE_KIND_TABLE[e.kind].responsible;
        switch (who) {
          case 'leader':
            responsible = await leaderId();
            break;
          case 'measure_responsible':
            responsible = e.responsibleUserId ?? (await leaderId());
            break;
          case 'coordinator_or_leader':
            responsible = target.coordinator || (await leaderId());
            break;
          case 'ppt_service':
            responsible = (await deps.directory.pptUsers(unit.ownerId))[0] ?? null;
            break;
          default:
            return unhandled(who);
        }
        const due = dueAt(e.basis, now, policy, calendar);
        writes.deadlines.push({
          op: 'start',
          kind: e.kind,
          ref: e.ref,
          dueAt: due,
          schedule: scheduleFor(e.kind, due, now, policy, calendar),
          responsibleUserId: responsible,
          basis: e.basis,
          policyVersion: policy.version,
        });
        break;
      }
      case 'meetDeadlines':
        writes.deadlines.push({ op: 'meet', kinds: e.kinds });
        break;
      case 'cancelDeadlines':
        // Closing the case ends its own work; a deadline that survives closing (Statsforvalteren's) runs on.
        writes.deadlines.push({
          op: 'cancel',
          kinds: e.kinds === 'all' ? CASE_WORK_DEADLINES : e.kinds,
          ...('ref' in e && e.ref ? { ref: e.ref } : {}),
        });
        break;
      case 'notifyOwner': {
        const to = await deps.directory.ownerUsers(unit.ownerId);
        writes.events.push({ type: 'OWNER_NOTIFIED', actorUserId: null, actorRole: null, at: now, payload: { reason: e.reason, to } });
        for (const userId of to) {
          writes.notifications.push({
            userId,
            kind: 'owner_informed',
            ownerId: unit.ownerId,
            unitId: unit.id,
            caseId,
            deadlineId: null,
            dedupeKey: `case-${caseId}-owner-${e.reason}-${userId}`,
          });
        }
        break;
      }
      case 'tellReporter':
        if (target.reporterUserId) {
          writes.notifications.push({
            userId: target.reporterUserId,
            kind: 'case_acknowledged',
            ownerId: unit.ownerId,
            unitId: unit.id,
            caseId,
            deadlineId: null,
            dedupeKey: `case-${caseId}-${e.about}-${target.reporterUserId}`,
          });
        }
        break;
    }
  }
  return writes;
}
