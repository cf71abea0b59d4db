import { dueAt, Effect } from '../../workflow/src';
import { DeadlineOp, Directory, NewEvent, PolicyProvider, UnitInfo } from './ports';

/**
 * Turns the machine's effects into the rows one transaction writes: deadline changes (due
 * dates from the owner's policy and school calendar) and system events such as OWNER_NOTIFIED.
 */
export async function planEffects(
  effects: Effect[],
  unit: UnitInfo,
  handledBy: 'principal' | 'owner',
  now: Date,
  deps: { directory: Directory; policies: PolicyProvider },
): Promise<{ ops: DeadlineOp[]; events: NewEvent[] }> {
  const ops: DeadlineOp[] = [];
  const events: NewEvent[] = [];
  if (effects.length === 0) return { ops, events };
  const policy = await deps.policies.policyFor(unit.ownerId);
  const calendar = await deps.policies.calendarFor(unit.ownerId, unit.id);
  let leader: string | null | undefined;
  for (const e of effects) {
    switch (e.type) {
      case 'startDeadline': {
        let responsible: string | null;
        if ('userId' in e.responsible) responsible = e.responsible.userId;
        else responsible = leader === undefined ? (leader = await deps.directory.leaderOf(unit, handledBy)) : leader;
        ops.push({
          op: 'start',
          kind: e.kind,
          ref: e.ref,
          dueAt: dueAt(e.basis, now, policy, calendar),
          responsibleUserId: responsible,
          basis: e.basis,
          policyVersion: policy.version,
        });
        break;
      }
      case 'meetDeadlines':
        ops.push({ op: 'meet', kinds: e.kinds });
        break;
      case 'cancelDeadlines':
        ops.push({ op: 'cancel', kinds: e.kinds });
        break;
      case 'notifyOwner':
        // Delivery (in-app and e-mail) is the worker's job; the history records that it is owed.
        events.push({ type: 'OWNER_NOTIFIED', actorUserId: null, actorRole: null, at: now, payload: { reason: e.reason } });
        break;
    }
  }
  return { ops, events };
}
