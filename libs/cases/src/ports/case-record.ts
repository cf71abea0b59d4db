import {
  CaseState,
  DeadlineKind,
  DeadlineSchedule,
  DeadlineStep,
  PersistedBti,
  PersistedCase,
  PersistedEnforcement,
  Regime,
  Role,
} from '../../../workflow/src';
import type { NewJournalEntry } from './journal.port';

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
  /** The case number in the archive (saksår/sekvensnummer), given when the case is created. */
  caseNumber: string | null;
  /** When a deposit to the archive (arkivuttrekk) took the case; null until then. */
  depositedAt: Date | null;
  /** The history's last link (seq and hash) as it was read with the case; null before any event. */
  lastLink?: LastLink | null;
}

export interface LastLink {
  seq: number;
  hash: string;
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
  /** Documents among `events` that are journalled (archive/journal-rules.ts). */
  journal?: NewJournalEntry[];
  /** The case's saksstatus changed (closed, or reopened): kept for the archive's endringslogg. */
  statusChange?: { by: string | null; from: Saksstatus; to: Saksstatus };
}

/** Noark 5 saksstatus as Trygg keeps it: a case is under work until it is closed. */
export type Saksstatus = 'Under behandling' | 'Avsluttet';

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
