import { token } from './token';

/**
 * What kind of access a log entry records (docs/domain.md §7: every read of a case is logged):
 * reads of the case, its history, stafettlogg, file, chain check, access log, supervision, lists;
 * `journal` (its journal entries, or one journalled document); `archive_deposit` (taken into a
 * deposit to the archive); `write_refused` (an auditor's command; any 403 on a case command).
 */
export const ACCESS_KINDS = [
  'detail',
  'history',
  'bti_log',
  'export',
  'verify',
  'access_log',
  'supervision',
  'list',
  'journal',
  'archive_deposit',
  'write_refused',
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

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

export const ACCESS_LOG = token<AccessLog>('AccessLog');
