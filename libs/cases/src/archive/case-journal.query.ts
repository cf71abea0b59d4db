import { ACCESS_LOG_READERS } from '../audit/case-access-log.query';
import { CaseReader } from '../audit/case-reader';
import { NotFoundError } from '../errors';
import { JournalEntryRecord, JournalStore, UserContext } from '../ports';
import { toOsloIso } from '../../../workflow/src';
import { journalNumberOf, SKJERMINGSHJEMMEL } from './journal-rules';

export interface JournalEntryView {
  id: string;
  journalNumber: string;
  journalYear: number;
  journalSeq: number;
  kind: JournalEntryRecord['kind'];
  journalposttype: string;
  title: string;
  createdAt: string;
  /** The history entry the document is (its seq in the hash chain). */
  eventSeq: number;
  sha256: string;
  size: number;
  /** False once retention erased the document (after it reached the archive). */
  documentAvailable: boolean;
  skjermingshjemmel: string;
  /** The archive service's own id for the entry, once it has it. */
  archiveRef: string | null;
}

export interface CaseJournalView {
  caseId: string;
  caseNumber: string | null;
  depositedAt: string | null;
  entries: JournalEntryView[];
}

/** GET /journal and its documents: for the ones who hand documentation over (leader, owner, auditor). */
export class GetCaseJournal {
  constructor(
    private readonly reader: CaseReader,
    private readonly journal: JournalStore,
  ) {}

  async execute(user: UserContext, caseId: string, purpose: string | null): Promise<CaseJournalView> {
    const { rec } = await this.reader.read(user, caseId, 'journal', { purpose, roles: ACCESS_LOG_READERS });
    const entries = await this.journal.entriesOf(rec.id);
    return {
      caseId: rec.id,
      caseNumber: rec.caseNumber,
      depositedAt: rec.depositedAt ? toOsloIso(rec.depositedAt) : null,
      entries: entries.map(journalEntryView),
    };
  }

  async document(user: UserContext, caseId: string, entryId: string, purpose: string | null): Promise<{ pdf: Buffer; fileName: string }> {
    const { rec } = await this.reader.read(user, caseId, 'journal', { purpose, detail: entryId, roles: ACCESS_LOG_READERS });
    const entry = (await this.journal.entriesOf(rec.id)).find((e) => e.id === entryId);
    if (!entry) throw new NotFoundError('journal entry not found');
    const pdf = await this.journal.document(entry.id);
    if (!pdf) throw new NotFoundError('the document was erased by retention after it reached the archive');
    return { pdf, fileName: `journalpost-${entry.journalYear}-${entry.journalSeq}.pdf` };
  }
}

export function journalEntryView(e: JournalEntryRecord): JournalEntryView {
  return {
    id: e.id,
    journalNumber: journalNumberOf(e.journalYear, e.journalSeq),
    journalYear: e.journalYear,
    journalSeq: e.journalSeq,
    kind: e.kind,
    journalposttype: e.journalposttype,
    title: e.title,
    createdAt: toOsloIso(e.createdAt),
    eventSeq: e.eventSeq,
    sha256: e.sha256,
    size: e.size,
    documentAvailable: !e.documentErasedAt,
    skjermingshjemmel: SKJERMINGSHJEMMEL,
    archiveRef: e.archiveRef,
  };
}
