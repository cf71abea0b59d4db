import { DataSource } from 'typeorm';
import { CaseChange, CaseRecord, CaseWrites, DeadlineRecord, LastLink } from '../../../cases/src/ports';
import { TypeormCaseStore } from '../typeorm-case.store';
import { ReadCache } from './read-cache';

/**
 * The case store of a process that serves cached reads. A case's write can hold an Omni
 * assessment (ASSESS_STAIRCASE), and the answer to that command is built at once from the read
 * cache: it is emptied here, before the change notice could reach this process.
 */
export class CachedCaseStore extends TypeormCaseStore {
  constructor(
    ds: DataSource,
    private readonly cache: ReadCache,
  ) {
    super(ds);
  }

  override async create(rec: CaseRecord, writes: CaseWrites): Promise<{ caseNumber: string; deadlines?: DeadlineRecord[] }> {
    return this.clearedFor(writes, await super.create(rec, writes));
  }

  override async commit(
    caseId: string,
    expectedVersion: number,
    change: CaseChange,
    writes: CaseWrites,
    at: Date,
    last?: LastLink | null,
  ): Promise<false | { deadlines?: DeadlineRecord[] }> {
    return this.clearedFor(writes, await super.commit(caseId, expectedVersion, change, writes, at, last));
  }

  private clearedFor<T>(writes: CaseWrites, result: T): T {
    if (writes.staircase?.length) this.cache.clear();
    return result;
  }
}
