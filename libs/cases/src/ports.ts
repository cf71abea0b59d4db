import { CaseState, DeadlineKind, PersistedCase, Regime, Role, DeadlinePolicy, SchoolCalendar } from '../../workflow/src';

/**
 * What the use cases need from the outside world. Infrastructure libs implement these;
 * nothing here knows about TypeORM, Nest or BullMQ.
 */

/** The one source of time. Nothing in domain or use cases reads Date.now(). */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('Clock');

export interface RoleGrant {
  role: Role;
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

export interface UnitInfo {
  id: string;
  ownerId: string;
  name: string;
  kind: Regime;
}
export interface GroupInfo {
  id: string;
  unitId: string;
  name: string;
}
export interface ChildInfo {
  id: string;
  unitId: string;
  groupId: string | null;
  name: string;
}

export interface Directory {
  userByUsername(username: string): Promise<UserContext | undefined>;
  unit(unitId: string): Promise<UnitInfo | undefined>;
  unitsOfOwners(ownerIds: string[]): Promise<UnitInfo[]>;
  unitsByIds(unitIds: string[]): Promise<UnitInfo[]>;
  groups(unitId: string): Promise<GroupInfo[]>;
  children(unitId: string): Promise<ChildInfo[]>;
  /** The user who answers for a case: the unit's principal, or the owner's administration. */
  leaderOf(unit: UnitInfo, handledBy: 'principal' | 'owner'): Promise<string | null>;
  /** Which of these ids are users of the owner (for responsibleUserId). */
  existingUserIds(ownerId: string, ids: string[]): Promise<string[]>;
}
export const DIRECTORY = Symbol('Directory');

export interface CaseRecord {
  id: string;
  ownerId: string;
  unitId: string;
  groupId: string | null;
  regime: Regime;
  state: CaseState;
  version: number;
  snapshot: PersistedCase;
  handledBy: 'principal' | 'owner';
  serious: boolean;
  childIds: string[];
  involvedUserIds: string[];
  openedBy: string;
  source: string;
  concern: string;
  occurredAt: Date | null;
  openedAt: Date;
  closedAt: Date | null;
}

export type DeadlineStatus = 'pending' | 'met' | 'cancelled';

export interface DeadlineRecord {
  id: string;
  caseId: string;
  kind: DeadlineKind;
  ref: string;
  dueAt: Date;
  status: DeadlineStatus;
  responsibleUserId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface NewEvent {
  type: string;
  actorUserId: string | null;
  actorRole: Role | null;
  at: Date;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends NewEvent {
  seq: number;
  recordedAt: Date;
}

/** Deadline writes, applied in order inside the command's transaction. */
export type DeadlineOp =
  | { op: 'start'; kind: DeadlineKind; ref: string; dueAt: Date; responsibleUserId: string | null; basis: unknown; policyVersion: number }
  | { op: 'meet'; kinds: DeadlineKind[] }
  | { op: 'cancel'; kinds: DeadlineKind[] | 'all' };

export interface CaseChange {
  state: CaseState;
  snapshot: PersistedCase;
  serious: boolean;
  involvedUserIds: string[];
  closedAt: Date | null;
}

export interface CaseScope {
  userId: string;
  /** Owners whose every case the user may read (owner, auditor). */
  ownerIds: string[];
  /** Units whose principal-handled cases the user may read (principal). */
  principalUnitIds: string[];
  /** Units where the user sees the cases they opened or are involved in (staff). */
  staffUnitIds: string[];
}

export interface CaseListQuery {
  scope: CaseScope;
  unitId?: string;
  state?: CaseState;
  childId?: string;
  overdueAt?: Date;
  after?: { openedAt: Date; id: string };
  limit: number;
}

export interface TaskRow {
  deadline: DeadlineRecord;
  caseId: string;
  unitId: string;
  caseState: CaseState;
}

export interface CaseStore {
  /** Writes a new case with its first events and deadlines, all or nothing. */
  create(rec: CaseRecord, events: NewEvent[], deadlines: DeadlineOp[]): Promise<void>;
  /**
   * Commits a transition: `UPDATE … WHERE version = expectedVersion` plus events and deadline
   * writes in one transaction. Returns false, writing nothing, when the version has moved on.
   */
  commit(caseId: string, expectedVersion: number, change: CaseChange, events: NewEvent[], deadlines: DeadlineOp[], at: Date): Promise<boolean>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  deadlines(caseId: string): Promise<DeadlineRecord[]>;
  /** Deadlines of several cases in one round trip, for lists. */
  deadlinesOf(caseIds: string[]): Promise<Map<string, DeadlineRecord[]>>;
  events(caseId: string): Promise<StoredEvent[]>;
  list(query: CaseListQuery): Promise<CaseRecord[]>;
  pendingDeadlinesOf(userId: string, scope: CaseScope, limit: number): Promise<TaskRow[]>;
}
export const CASE_STORE = Symbol('CaseStore');

/** The deadline policy and school calendar in force for an owner (per-owner settings come later). */
export interface PolicyProvider {
  policyFor(ownerId: string): Promise<DeadlinePolicy>;
  calendarFor(ownerId: string, unitId: string): Promise<SchoolCalendar>;
}
export const POLICY_PROVIDER = Symbol('PolicyProvider');
