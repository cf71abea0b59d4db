import { CaseReader, ReadOptions } from '../audit/case-reader';
import { CaseView } from '../case-view';
import { CaseViews } from '../case-views';
import { UserContext } from '../ports';

export class GetCase {
  constructor(
    private readonly reader: CaseReader,
    private readonly views: CaseViews,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<CaseView> {
    const { rec, now } = await this.reader.read(user, caseId, 'detail', opts);
    return this.views.one(user, rec, now);
  }
}
