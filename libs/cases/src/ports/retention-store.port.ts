import { token } from './token';
import { NewEvent } from './case-record';

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
  /** The archive has its copy (a delivered deposit, or every journal entry acknowledged by the archive service). */
  inArchive: boolean;
}

export interface RetentionStore {
  /** Closed, not yet anonymised cases of the owner closed before `closedBefore`, oldest first. */
  due(ownerId: string, closedBefore: Date): Promise<RetentionCandidate[]>;
  /**
   * Anonymises one case in one transaction: erases its personal content (the events and their
   * hashes stay), redacts its current state, erases its journalled documents (their numbers and
   * checksums stay), and appends `event`. False, writing nothing, when the case is no longer due
   * (reopened, put on hold, before Statsforvalteren, not in the archive, already anonymised) by the
   * time it is locked.
   */
  anonymise(caseId: string, closedBefore: Date, event: NewEvent, at: Date): Promise<boolean>;
}

export const RETENTION_STORE = token<RetentionStore>('RetentionStore');
