import {
  CaseState,
  DeadlineKind,
  DeadlinePolicy,
  DeadlineSchedule,
  DeadlineStep,
  Guidance,
  HolidayRange,
  PersistedBti,
  PersistedCase,
  PersistedEnforcement,
  Regime,
  Role,
  SchoolCalendar,
} from '../../workflow/src';
import type { StoredChainRow } from './history';

/**
 * What the use cases need from the outside world. Infrastructure libs implement these;
 * nothing here knows about TypeORM, Nest or BullMQ.
 */

/** The one source of time. Nothing in domain or use cases reads Date.now(). */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('Clock');

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

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'staff' | 'principal';
}

export interface Directory {
  userByUsername(username: string): Promise<UserContext | undefined>;
  /** Who works at the unit (staff and principals), by name: the people a plan's measures can be given to. */
  staffOf(unitId: string): Promise<StaffMember[]>;
  unit(unitId: string): Promise<UnitInfo | undefined>;
  unitsOfOwners(ownerIds: string[]): Promise<UnitInfo[]>;
  unitsByIds(unitIds: string[]): Promise<UnitInfo[]>;
  groups(unitId: string): Promise<GroupInfo[]>;
  group(groupId: string): Promise<GroupInfo | undefined>;
  children(unitId: string): Promise<ChildInfo[]>;
  /** The user who answers for a case: the unit's principal, or the owner's administration. */
  leaderOf(unit: UnitInfo, handledBy: 'principal' | 'owner'): Promise<string | null>;
  /** The users who act for the owner (role `owner`): told of serious cases and escalations. */
  ownerUsers(ownerId: string): Promise<string[]>;
  /** The owner's PPT users (the educational-psychological service). */
  pptUsers(ownerId: string): Promise<string[]>;
  /** Display names of these users (for the case file). */
  userNames(ids: string[]): Promise<Map<string, string>>;
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
  /** The BTI machine's snapshot (responsibility level, coordinator, consents). */
  bti: PersistedBti;
  /** Statsforvalteren's enforcement (schools, opplæringslova §12-6). */
  enforcement: PersistedEnforcement;
  /** Why retention must not anonymise this case (a legal hold); null when there is none. */
  legalHold: string | null;
  /** When retention anonymised the case; it takes no commands after that. */
  anonymisedAt: Date | null;
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
  /** Bumped whenever the due date moves, so jobs scheduled for an older date are recognised as stale. */
  rev: number;
  /** When each step falls (fixed at creation) and when Trygg did it. */
  schedule: DeadlineSchedule;
  done: Record<DeadlineStep, Date | null>;
  /** Users the overdue item was escalated to; it shows in their tasks too. */
  escalatedTo: string[];
}

export interface NewEvent {
  type: string;
  actorUserId: string | null;
  actorRole: Role | 'system' | null;
  at: Date;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends NewEvent {
  seq: number;
  recordedAt: Date;
  /** Its link in the case's hash chain. */
  hash: string;
  /** Retention erased its personal content; the payload shows ERASED in its place. */
  contentErased: boolean;
}

/** Deadline writes, applied in order inside the command's transaction. */
export type DeadlineOp =
  | {
      op: 'start';
      kind: DeadlineKind;
      ref: string;
      dueAt: Date;
      schedule: DeadlineSchedule;
      responsibleUserId: string | null;
      basis: unknown;
      policyVersion: number;
    }
  | { op: 'meet'; kinds: DeadlineKind[] }
  | { op: 'cancel'; kinds: DeadlineKind[] | 'all'; ref?: string };

export type NotificationKind =
  | 'owner_informed'
  | 'case_acknowledged'
  | 'deadline_reminder'
  | 'deadline_overdue'
  | 'deadline_escalated'
  | 'evaluation_started'
  | 'omni_assessment_due';

/** An in-app notification (and, when the user has an address, an e-mail without personal data). */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  ownerId: string;
  unitId: string | null;
  caseId: string | null;
  deadlineId: string | null;
  /** For notices about a group (the Omni-trappa assessment); never a child. */
  groupId?: string | null;
  /** The same key never makes a second notification, however often a job runs. */
  dedupeKey: string;
}

/** One Omni-trappa assessment of a group, inside a case or not. */
export interface StaircaseAssessment {
  id: string;
  ownerId: string;
  unitId: string;
  groupId: string;
  step: number;
  basis: string;
  caseId: string | null;
  assessedBy: string;
  assessedAt: Date;
}

/** Everything one transaction writes besides the case row. */
export interface CaseWrites {
  events: NewEvent[];
  deadlines: DeadlineOp[];
  notifications: NewNotification[];
  staircase?: StaircaseAssessment[];
}

export interface StaircaseStore {
  /** Every assessment of the group, newest first. */
  history(groupId: string): Promise<StaircaseAssessment[]>;
  /** The latest step of each group that has one. */
  latestSteps(groupIds: string[]): Promise<Map<string, number>>;
  add(a: StaircaseAssessment): Promise<void>;
}
export const STAIRCASE_STORE = Symbol('StaircaseStore');

export interface CaseChange {
  state: CaseState;
  snapshot: PersistedCase;
  bti: PersistedBti;
  enforcement: PersistedEnforcement;
  legalHold: string | null;
  serious: boolean;
  involvedUserIds: string[];
  closedAt: Date | null;
}

export interface CaseScope {
  userId: string;
  /** Now, for rules that depend on time (a PPT consent that has expired). */
  at: Date;
  /** Owners whose cases the user sees as PPT, where PPT was asked in and may see them. */
  pptOwnerIds: string[];
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
  /** Cases of the group: its own, or about one of its children. */
  groupId?: string;
  /** Only cases that are not closed. */
  openOnly?: boolean;
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
  create(rec: CaseRecord, writes: CaseWrites): Promise<void>;
  /**
   * Commits a transition: `UPDATE … WHERE version = expectedVersion` plus events and deadline
   * writes in one transaction. Returns false, writing nothing, when the version has moved on.
   */
  commit(caseId: string, expectedVersion: number, change: CaseChange, writes: CaseWrites, at: Date): Promise<boolean>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  deadlines(caseId: string): Promise<DeadlineRecord[]>;
  /** Deadlines of several cases in one round trip, for lists. */
  deadlinesOf(caseIds: string[]): Promise<Map<string, DeadlineRecord[]>>;
  /** The history with personal content merged back in, oldest first. */
  events(caseId: string): Promise<StoredEvent[]>;
  /** The history exactly as stored, for verifying the hash chain. */
  chain(caseId: string): Promise<StoredChainRow[]>;
  list(query: CaseListQuery): Promise<CaseRecord[]>;
  /** Every case of these units opened in [from, to), oldest first (supervision; no paging). */
  openedBetween(unitIds: string[], from: Date, to: Date): Promise<CaseRecord[]>;
  /** Event types and times of many cases, without content (supervision). */
  timelinesOf(caseIds: string[]): Promise<Map<string, Array<{ type: string; at: Date }>>>;
  pendingDeadlinesOf(userId: string, scope: CaseScope, limit: number): Promise<TaskRow[]>;
  /** Every case id, oldest first (operators' whole-database checks). */
  allCaseIds(): Promise<string[]>;
}
export const CASE_STORE = Symbol('CaseStore');

/** The deadline policy and school calendar in force for an owner (and unit). */
export interface PolicyProvider {
  policyFor(ownerId: string): Promise<DeadlinePolicy>;
  calendarFor(ownerId: string, unitId: string): Promise<SchoolCalendar>;
}
export const POLICY_PROVIDER = Symbol('PolicyProvider');

export interface StoredPolicy {
  policy: DeadlinePolicy;
  changedBy: string | null;
  changedAt: Date | null;
}

export interface SchoolHolidayRecord extends Required<HolidayRange> {
  id: string;
  ownerId: string;
  unitId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Per-owner settings: versioned deadline policies and school holidays. */
export interface OwnerSettingsStore {
  currentPolicy(ownerId: string): Promise<StoredPolicy>;
  /** Appends a new policy version; returns false when `expectedVersion` is no longer current. */
  savePolicy(ownerId: string, policy: DeadlinePolicy, expectedVersion: number, by: string, at: Date): Promise<boolean>;
  holidays(ownerId: string): Promise<SchoolHolidayRecord[]>;
  /** Adds all ranges in one transaction. */
  addHolidays(recs: SchoolHolidayRecord[]): Promise<void>;
  removeHoliday(ownerId: string, id: string): Promise<boolean>;
  currentGuidance(ownerId: string): Promise<{ guidance: Guidance; changedBy: string | null; changedAt: Date | null }>;
  currentRetention(ownerId: string): Promise<{ retention: RetentionPolicy; changedBy: string | null; changedAt: Date | null }>;
  /** Appends a new retention version; false when `expectedVersion` is no longer current. */
  saveRetention(ownerId: string, retention: RetentionPolicy, expectedVersion: number, by: string, at: Date): Promise<boolean>;
  /** Appends a new guidance version; false when `expectedVersion` is no longer current. */
  saveGuidance(ownerId: string, guidance: Guidance, expectedVersion: number, by: string, at: Date): Promise<boolean>;
}
export const OWNER_SETTINGS_STORE = Symbol('OwnerSettingsStore');

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  unitId: string | null;
  caseId: string | null;
  groupId: string | null;
  deadlineId: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: 'none' | 'pending' | 'sent' | 'skipped' | 'failed';
}

export interface NotificationStore {
  listFor(userId: string, opts: { unreadOnly: boolean; limit: number; before?: { createdAt: Date; id: string } }): Promise<NotificationRecord[]>;
  /** Marks one of the user's notifications read; undefined when it is not theirs. */
  markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined>;
}
export const NOTIFICATION_STORE = Symbol('NotificationStore');

/** What a deadline step needs to know of its case (no snapshot: steps are frequent). */
export type CaseHeader = Pick<CaseRecord, 'id' | 'ownerId' | 'unitId' | 'state' | 'handledBy'>;

/** The deadline and its case, as a step handler sees them under lock. */
export interface DeadlineAtWork {
  deadline: DeadlineRecord;
  case: CaseHeader;
}

/** What a deadline step writes: the step marked done, history, notifications. */
export interface StepWrites {
  events: NewEvent[];
  notifications: NewNotification[];
  escalatedTo: string[];
}

export interface DeadlineStepStore {
  read(deadlineId: string): Promise<DeadlineAtWork | undefined>;
  /**
   * Locks the case and the deadline (in that order, as commands do), lets `decide` look at
   * them, and writes what it returns together with the step's done mark in one transaction.
   * `decide` returning null writes nothing.
   */
  doStep(deadlineId: string, step: DeadlineStep, decide: (work: DeadlineAtWork) => Promise<StepWrites | null>, at: Date): Promise<boolean>;
}
export const DEADLINE_STEP_STORE = Symbol('DeadlineStepStore');

/** What kind of access a log entry records (domain.md §7: every read of a case is logged). */
export type AccessKind =
  | 'detail'
  | 'history'
  | 'bti_log'
  | 'export'
  | 'verify'
  | 'access_log'
  | 'supervision'
  | 'list'
  /** A write the user was refused (an auditor's command; any 403 on a case command). */
  | 'write_refused';

export interface AccessEntry {
  ownerId: string;
  unitId: string | null;
  caseId: string | null;
  userId: string;
  role: string;
  kind: AccessKind;
  /** The export format, the refused command, … ; never personal content. */
  detail: string | null;
  /** Why, when the reader said (`?purpose=`). */
  purpose: string | null;
  at: Date;
}

export interface AccessLog {
  /** Written before the data is returned: a read that cannot be logged does not happen. */
  record(entries: AccessEntry[]): Promise<void>;
  forCase(caseId: string): Promise<AccessEntry[]>;
}
export const ACCESS_LOG = Symbol('AccessLog');

/** How long closed cases are kept before they are anonymised (the owner's arkivplan decides). */
export interface RetentionPolicy {
  version: number;
  /** Years after closing; null = never anonymise (the default until the owner decides). */
  retentionYears: number | null;
}
export const DEFAULT_RETENTION: RetentionPolicy = Object.freeze({ version: 1, retentionYears: null });

export interface RetentionCandidate {
  caseId: string;
  unitId: string;
  closedAt: Date;
  legalHold: string | null;
  /** Statsforvalteren is still dealing with the case (reported, or a decision not yet complied with). */
  enforcementOpen: boolean;
}

export interface RetentionStore {
  /** Closed, not yet anonymised cases of the owner closed before `closedBefore`, oldest first. */
  due(ownerId: string, closedBefore: Date): Promise<RetentionCandidate[]>;
  /**
   * Anonymises one case in one transaction: erases its personal content (the events and their
   * hashes stay), redacts its current state, and appends `event`. False, writing nothing, when the
   * case is no longer due (reopened, put on hold, before Statsforvalteren, already anonymised) by the
   * time it is locked.
   */
  anonymise(caseId: string, closedBefore: Date, event: NewEvent, at: Date): Promise<boolean>;
}
export const RETENTION_STORE = Symbol('RetentionStore');
