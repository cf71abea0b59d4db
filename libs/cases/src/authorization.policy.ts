import { leadsCase as leaderRole, Leadership, Role } from '../../workflow/src';
import { AnyCommandType } from './commands/command.usecase';
import { CASE_COMMANDS } from './commands/case-commands';
import { CaseScope, GrantedRole, UserContext } from './ports';

/**
 * Who may see and do what, as a pure function (docs/domain.md §6, §7: need-to-know).
 * The same table yields the `allowedCommands` the UI offers, so what a user is offered is
 * what they may do. The machine's guards then decide what the law allows in the case's state.
 */
export interface CaseFacts {
  ownerId: string;
  unitId: string;
  handledBy: Leadership;
  openedBy: string;
  involvedUserIds: string[];
  /** Users responsible for a measure in the current plan. */
  measureResponsibles: string[];
  /** BTI: the coordinator (stafettholder) and the one assigned but not yet accepted. */
  btiCoordinator?: string | null;
  btiPendingCoordinator?: string | null;
  /** PPT was asked into the case and may see it now (anonymously, or with valid consent). */
  pptAccess?: boolean;
}

export type Decision = { allow: true; role: Role } | { allow: false; reason: string };

const UNIT_ROLES: ReadonlySet<Role> = new Set(['staff', 'principal']);

/** Unit roles (staff, principal) count in their unit; owner-level roles across the owner's units. */
function holds(user: UserContext, role: Role, where: { ownerId: string; unitId?: string }): boolean {
  return user.roles.some(
    (r) =>
      r.role === role && r.ownerId === where.ownerId && (!UNIT_ROLES.has(role) || where.unitId === undefined || r.unitId === where.unitId),
  );
}

/** Opened the case, took part in it, or is responsible for one of its measures. */
export function isInvolved(user: UserContext, c: CaseFacts): boolean {
  return (
    c.openedBy === user.id ||
    c.involvedUserIds.includes(user.id) ||
    c.measureResponsibles.includes(user.id) ||
    (!!c.btiCoordinator && c.btiCoordinator === user.id) ||
    (!!c.btiPendingCoordinator && c.btiPendingCoordinator === user.id)
  );
}

/**
 * The role a user acts in on this case, strongest first; undefined when the case is not
 * visible to them (the API then answers 404, never revealing that it exists).
 */
export function roleInCase(user: UserContext, c: CaseFacts): Role | undefined {
  if (c.handledBy === 'owner') {
    // §12-5 / §43: when the leadership is the offender, the unit's leadership must not see the case.
    if (holds(user, 'owner', c)) return 'owner';
    if (holds(user, 'auditor', c)) return 'auditor';
    if (holds(user, 'staff', c) && isInvolved(user, c)) return 'staff';
  } else {
    if (holds(user, 'principal', c)) return 'principal';
    if (holds(user, 'owner', c)) return 'owner';
    if (holds(user, 'auditor', c)) return 'auditor';
    if (holds(user, 'staff', c) && isInvolved(user, c)) return 'staff';
  }
  // PPT sees exactly the cases it was asked into, while it may (consent, or anonymous mode).
  if (holds(user, 'ppt', c) && c.pptAccess) return 'ppt';
  return undefined;
}

export function canSeeCase(user: UserContext, c: CaseFacts): boolean {
  return roleInCase(user, c) !== undefined;
}

export function leadsCase(role: Role, c: CaseFacts): boolean {
  return leaderRole(c.handledBy, role);
}

/** Whether this user may send this command in this case; the machine then decides whether the state allows it. */
export function mayRunCommand(user: UserContext, c: CaseFacts, command: AnyCommandType): Decision {
  const role = roleInCase(user, c);
  if (!role) return { allow: false, reason: 'the case is not visible to you' };
  if (role === 'auditor') return { allow: false, reason: 'auditors read case histories; they never write' };
  const who = CASE_COMMANDS[command].who;
  if (role === 'ppt') {
    return who === 'ppt'
      ? { allow: true, role }
      : { allow: false, reason: 'PPT gives its advice (PPT_ADVICE); it does not change the case otherwise' };
  }
  const leader = leadsCase(role, c);
  const lead = c.handledBy === 'owner' ? 'the owner (the leadership is reported as the offender)' : 'the principal';
  const allowIf = (ok: boolean, reason: string): Decision => (ok ? { allow: true, role } : { allow: false, reason });
  switch (who) {
    case 'leader':
      return allowIf(leader, `${command} is for ${lead}`);
    case 'participant':
      return allowIf(leader || (role === 'staff' && isInvolved(user, c)), `${command} is for staff involved in the case and ${lead}`);
    case 'measure_responsible':
      return allowIf(
        leader || c.measureResponsibles.includes(user.id),
        `${command} is for the person responsible for the measure and ${lead}`,
      );
    case 'bti_coordinator':
      return allowIf(
        leader || (!!c.btiCoordinator && c.btiCoordinator === user.id),
        `${command} is for the BTI coordinator (stafettholder) and ${lead}`,
      );
    case 'assigned_coordinator':
      return allowIf(c.btiPendingCoordinator === user.id, `${command} is for the person assigned as coordinator`);
    case 'leader_or_owner':
      return allowIf(leader || role === 'owner', `${command} is for ${lead} or the owner`);
    case 'owner':
      return allowIf(role === 'owner', `${command} is for the owner (it answers for archiving and retention)`);
    case 'ppt':
      return { allow: false, reason: `${command} is for the PPT service` };
  }
}

/** A user who only audits: everything they send that would change something is refused. */
export function isReadOnlyUser(user: UserContext): boolean {
  return user.roles.length > 0 && user.roles.every((r) => r.role === 'auditor');
}

/** Who may open a concern in a unit: its staff and principal, and the owner (docs/domain.md §6). */
export function mayOpenCase(user: UserContext, unit: { id: string; ownerId: string }): Decision {
  if (holds(user, 'principal', { ownerId: unit.ownerId, unitId: unit.id })) return { allow: true, role: 'principal' };
  if (holds(user, 'staff', { ownerId: unit.ownerId, unitId: unit.id })) return { allow: true, role: 'staff' };
  if (holds(user, 'owner', { ownerId: unit.ownerId })) return { allow: true, role: 'owner' };
  return { allow: false, reason: 'only staff and the principal of the unit, or its owner, can open a concern there' };
}

/** The scope a user's case lists are limited to. */
export function caseScopeOf(user: UserContext, at: Date): CaseScope {
  const pick = (roles: GrantedRole[]) => user.roles.filter((r) => roles.includes(r.role));
  return {
    userId: user.id,
    at,
    pptOwnerIds: [...new Set(pick(['ppt']).map((r) => r.ownerId))],
    ownerIds: [...new Set(pick(['owner', 'auditor']).map((r) => r.ownerId))],
    principalUnitIds: pick(['principal']).map((r) => r.unitId as string),
    staffUnitIds: pick(['staff']).map((r) => r.unitId as string),
  };
}

/** Units the user can see: all of their owner's for owner-level roles, otherwise their own. */
export function visibleUnitIds(user: UserContext, allOwnerUnits: { id: string; ownerId: string }[]): string[] {
  const ownerLevel = new Set(user.roles.filter((r) => r.unitId === null && r.role !== 'admin').map((r) => r.ownerId));
  const own = new Set(user.roles.filter((r) => r.unitId !== null).map((r) => r.unitId as string));
  return allOwnerUnits.filter((u) => ownerLevel.has(u.ownerId) || own.has(u.id)).map((u) => u.id);
}

/**
 * Owner settings (deadline policy, school holidays): everyone working for the owner may read
 * them, since they decide everyone's deadlines; only the owner's own role changes them.
 */
export function mayReadOwnerSettings(user: UserContext, ownerId: string): boolean {
  return user.roles.some((r) => r.ownerId === ownerId && r.role !== 'admin');
}
export function mayChangeOwnerSettings(user: UserContext, ownerId: string): boolean {
  return user.roles.some((r) => r.ownerId === ownerId && r.role === 'owner');
}

/** The supervision view of a unit: its principal, and the owner's administration and auditors. */
export function maySuperviseUnit(user: UserContext, unit: { id: string; ownerId: string }): boolean {
  return holds(user, 'principal', { ownerId: unit.ownerId, unitId: unit.id }) || maySuperviseOwner(user, unit.ownerId);
}

/** Across all units (the owner's forsvarlig system): the owner and its auditors. */
export function maySuperviseOwner(user: UserContext, ownerId: string): boolean {
  return holds(user, 'owner', { ownerId }) || holds(user, 'auditor', { ownerId });
}
