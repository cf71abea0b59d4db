import { BtiContext } from './bti.types';
import { CaseContext } from './duty-to-act.types';
import { EnforcementContext } from './enforcement.types';
import { SnapshotMigrations } from './machine-driver';

/**
 * Running cases are never broken by a deploy: each machine version that changes the meaning of a
 * snapshot adds a pure function here from the version before it, e.g.
 * `2: (v1) => ({ ...v1, machineVersion: 2, context: { ...v1.context, newField: default } })`.
 * Version 1 of each machine is the first; the case store migrates every snapshot it reads.
 */
export const DUTY_TO_ACT_SNAPSHOT_MIGRATIONS: SnapshotMigrations<CaseContext> = {};
export const BTI_SNAPSHOT_MIGRATIONS: SnapshotMigrations<BtiContext> = {};
export const ENFORCEMENT_SNAPSHOT_MIGRATIONS: SnapshotMigrations<EnforcementContext> = {};
