/**
 * Who acts in a case (docs/domain.md §6). Roles are the organisation's; `leadsCase` is the one
 * place that says who leads a case, used by every machine and by the authorisation policy.
 */
export type Role = 'staff' | 'principal' | 'owner' | 'ppt' | 'auditor';
export const ROLES: readonly Role[] = ['staff', 'principal', 'owner', 'ppt', 'auditor'];

/**
 * Who leads the case, named by the role that leads it: the principal, or the owner when the
 * leadership is the offender.
 */
export type Leadership = Extract<Role, 'principal' | 'owner'>;

/** Who sends a command, as the case sees them. `involved` is decided by the use case from the case's records. */
export interface Actor {
  userId: string;
  role: Role | 'system';
  involved: boolean;
}

/**
 * Trygg itself, acting on a date the people in the case set (the plan's evaluation date).
 * It has no user and never leads a case.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'system', role: 'system', involved: false });
export function isSystemActor(actor: Actor): boolean {
  return actor.role === 'system';
}

/**
 * The principal leads the case; the owner leads it instead when the leadership is reported as
 * the offender (opplæringslova §12-5 third paragraph, barnehageloven §43; docs/domain.md §2).
 */
export function leadsCase(handledBy: Leadership, role: Role | 'system'): boolean {
  return role === handledBy;
}
