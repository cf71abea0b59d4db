import { ACCESS_LOG_READERS } from '../audit/case-access-log.query';
import { CaseReader } from '../audit/case-reader';
import { btiLogOf } from '../bti/bti-log.query';
import { enforcementView } from '../case-view';
import { NotFoundError } from '../errors';
import { storedEventOf, verifyChain } from '../history';
import { CaseStore, Directory, UserContext } from '../ports';
import { buildCaseFile, CaseFile } from './case-file';

export type CaseFileFormat = 'json' | 'pdf';

/**
 * GET /export: the case file for Statsforvalteren or the archive. For the principal, the owner
 * and auditors (the ones who hand documentation over); the read is logged with its format.
 */
export class ExportCaseFile {
  constructor(
    private readonly reader: CaseReader,
    private readonly store: CaseStore,
    private readonly directory: Directory,
  ) {}

  async execute(user: UserContext, caseId: string, format: CaseFileFormat, purpose: string | null): Promise<CaseFile> {
    const { rec, now, role } = await this.reader.read(user, caseId, 'export', { purpose, detail: format, roles: ACCESS_LOG_READERS });
    const unit = await this.directory.unit(rec.unitId);
    if (!unit) throw new NotFoundError('unit not found');
    // One read of the history: the chain as stored, and the entries as people read them.
    const [chain, deadlines, children] = await Promise.all([
      this.store.chain(rec.id),
      this.store.deadlines(rec.id),
      this.directory.children(rec.unitId),
    ]);
    const events = chain.map(storedEventOf);
    const userIds = new Set<string>([user.id]);
    for (const e of events) if (e.actorUserId) userIds.add(e.actorUserId);
    for (const d of deadlines) if (d.responsibleUserId) userIds.add(d.responsibleUserId);
    for (const p of [...rec.snapshot.context.planVersions, ...(rec.snapshot.context.plan ? [rec.snapshot.context.plan] : [])]) {
      [p.submittedBy, p.approvedBy, ...p.measures.map((m) => m.responsibleUserId)].forEach((id) => id && userIds.add(id));
    }
    return buildCaseFile({
      rec,
      unit,
      events,
      chain,
      deadlines,
      btiLog: btiLogOf(rec, events),
      enforcement: enforcementView(rec),
      verification: verifyChain(chain),
      userNames: await this.directory.userNames([...userIds]),
      childNames: new Map(children.filter((c) => rec.childIds.includes(c.id)).map((c) => [c.id, c.name])),
      exportedBy: { userId: user.id, role },
      now,
    });
  }
}
