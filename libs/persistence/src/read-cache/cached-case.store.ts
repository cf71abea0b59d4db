import { DataSource } from 'typeorm';
import { CaseWrites } from '../../../cases/src/ports';
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

  override async create(...args: Parameters<TypeormCaseStore['create']>): ReturnType<TypeormCaseStore['create']> {
    return this.clearedFor(args[1], await super.create(...args));
  }

  override async commit(...args: Parameters<TypeormCaseStore['commit']>): ReturnType<TypeormCaseStore['commit']> {
    return this.clearedFor(args[3], await super.commit(...args));
  }

  private clearedFor<T>(writes: CaseWrites, result: T): T {
    if (writes.staircase?.length) this.cache.clear();
    return result;
  }
}
