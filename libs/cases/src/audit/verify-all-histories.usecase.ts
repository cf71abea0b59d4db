import { verifyChain } from '../history';
import { CaseStore } from '../ports';

export interface AllHistoriesVerification {
  cases: number;
  events: number;
  valid: number;
  broken: Array<{ caseId: string; firstBrokenSeq: number | null; problem: string | null }>;
}

/**
 * `npm run verify:all`: every case's hash chain from its first event, for an operator after a
 * restore or an upgrade. Not a user's read of any case, so nothing is written to the access log.
 */
export class VerifyAllHistories {
  constructor(private readonly store: CaseStore) {}

  async execute(): Promise<AllHistoriesVerification> {
    const out: AllHistoriesVerification = { cases: 0, events: 0, valid: 0, broken: [] };
    for (const caseId of await this.store.allCaseIds()) {
      const v = verifyChain(await this.store.chain(caseId));
      out.cases++;
      out.events += v.events;
      if (v.valid) out.valid++;
      else out.broken.push({ caseId, firstBrokenSeq: v.firstBrokenSeq, problem: v.problem });
    }
    return out;
  }
}
