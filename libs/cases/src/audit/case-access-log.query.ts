import { toOsloIso } from '../../../workflow/src';
import { AccessLog, UserContext } from '../ports';
import { CaseReader, ReadOptions } from './case-reader';

export interface AccessLogEntryView {
  at: string;
  userId: string;
  role: string;
  kind: string;
  detail: string | null;
  purpose: string | null;
}

/** Who may see who read a case: its principal, the owner and the auditor (not staff or PPT). */
export const ACCESS_LOG_READERS = ['principal', 'owner', 'auditor'] as const;

/** GET /access-log: every logged read of the case, oldest first (this read included). */
export class GetCaseAccessLog {
  constructor(
    private readonly reader: CaseReader,
    private readonly accessLog: AccessLog,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<{ caseId: string; entries: AccessLogEntryView[] }> {
    await this.reader.read(user, caseId, 'access_log', { ...opts, roles: ACCESS_LOG_READERS });
    const entries = await this.accessLog.forCase(caseId);
    return {
      caseId,
      entries: entries.map((e) => ({
        at: toOsloIso(e.at),
        userId: e.userId,
        role: e.role,
        kind: e.kind,
        detail: e.detail,
        purpose: e.purpose,
      })),
    };
  }
}
