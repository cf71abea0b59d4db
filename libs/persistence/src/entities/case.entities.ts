import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The current state of a case: the machine snapshot plus columns we filter on. */
@Entity('cases')
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('uuid', { name: 'group_id', nullable: true }) groupId: string | null;
  @Column('text') regime: 'school' | 'kindergarten';
  @Column('text') state: string;
  /** Optimistic concurrency: every write is `UPDATE … WHERE version = expected`. */
  @Column('int') version: number;
  @Column('int', { name: 'machine_version' }) machineVersion: number;
  @Column('jsonb') snapshot: unknown;
  @Column('text', { name: 'handled_by' }) handledBy: 'principal' | 'owner';
  @Column('boolean') serious: boolean;
  @Column('uuid', { name: 'child_ids', array: true }) childIds: string[];
  @Column('uuid', { name: 'involved_user_ids', array: true }) involvedUserIds: string[];
  @Column('uuid', { name: 'opened_by' }) openedBy: string;
  @Column('text') source: string;
  /** What was seen or heard, as reported. Personal content. */
  @Column('text') concern: string;
  @Column('timestamptz', { name: 'occurred_at', nullable: true }) occurredAt: Date | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  /** The BTI machine's snapshot. */
  @Column('jsonb') bti: unknown;
  /** Statsforvalteren's enforcement machine snapshot (schools). */
  @Column('jsonb', { nullable: true }) enforcement: unknown;
  @Column('text', { name: 'legal_hold', nullable: true }) legalHold: string | null;
  @Column('timestamptz', { name: 'anonymised_at', nullable: true }) anonymisedAt: Date | null;
}

/** Append-only history; `(case_id, seq)` is unique and gap-free per case. */
@Entity('case_events')
export class CaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('int') seq: number;
  @Column('text') type: string;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('timestamptz') at: Date;
  /** The facts; personal content is in case_event_contents, committed to by contentHash. */
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
  @Column('text', { name: 'content_hash', nullable: true }) contentHash: string | null;
  @Column('text', { name: 'prev_hash', nullable: true }) prevHash: string | null;
  /** SHA-256 of the RFC 8785 canonical event with prevHash (libs/cases/src/history/event-chain.ts). */
  @Column('text') hash: string;
}

/** Personal content of one event; erased (never edited) by retention. */
@Entity('case_event_contents')
export class CaseEventContentEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId: string;
  @PrimaryColumn('int') seq: number;
  @Column('text', { nullable: true }) nonce: string | null;
  @Column('jsonb') content: Record<string, unknown>;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
}

/** Every read of a case, and every refused write. */
@Entity('access_log')
export class AccessLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'owner_id' }) ownerId: string;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: string;
  @Column('text') kind: string;
  @Column('text', { nullable: true }) detail: string | null;
  @Column('text', { nullable: true }) purpose: string | null;
  @Column('timestamptz') at: Date;
}

/** Deadlines are data: one row per legal or policy deadline, written in the transition's transaction. */
@Entity('deadlines')
export class DeadlineEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') kind: string;
  /** Which measure, for measure evaluations; '' otherwise. */
  @Column('text') ref: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') status: 'pending' | 'met' | 'cancelled';
  @Column('uuid', { name: 'responsible_user_id', nullable: true }) responsibleUserId: string | null;
  @Column('jsonb') basis: unknown;
  @Column('int', { name: 'policy_version' }) policyVersion: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
}
