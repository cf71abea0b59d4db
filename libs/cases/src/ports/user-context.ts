import { Role } from '../../../workflow/src';

/** Case roles, plus `admin` for operations (the queue dashboard); an admin sees no case. */
export type GrantedRole = Role | 'admin';

export interface RoleGrant {
  role: GrantedRole;
  ownerId: string;
  /** Set for unit roles (staff, principal); null for owner-level roles. */
  unitId: string | null;
}

export interface UserContext {
  id: string;
  username: string;
  displayName: string;
  ownerId: string;
  roles: RoleGrant[];
}
