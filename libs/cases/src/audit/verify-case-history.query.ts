import { toOsloIso } from '../../../workflow/src';
import { ChainVerification, verifyChain } from '../history';
import { CaseStore, UserContext } from '../ports';
import { CaseReader, ReadOptions } from './case-reader';

export interface CaseVerification extends ChainVerification {
  caseId: string;
  checkedAt: string;
}

/** GET /verify: walks the case's hash chain from its first event and says where it breaks, if anywhere. */
export class VerifyCaseHistory {
  constructor(
    private readonly reader: CaseReader,
    private readonly store: CaseStore,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<CaseVerification> {
    const { now } = await this.reader.read(user, caseId, 'verify', opts);
    return { caseId, checkedAt: toOsloIso(now), ...verifyChain(await this.store.chain(caseId)) };
  }
}
