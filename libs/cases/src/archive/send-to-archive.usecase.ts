import { ArchiveSendStore, ArchiveTransport, Clock, Directory } from '../ports';
import { saksansvarlig } from './saksansvarlig';

/**
 * A journal entry goes to the archive service (a job from the outbox; at least once). An entry the
 * archive acknowledged already is not sent again; a failure throws, and the job retries with backoff.
 */
export class SendJournalEntryToArchive {
  constructor(
    private readonly store: ArchiveSendStore,
    private readonly transport: ArchiveTransport,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  async execute(entryId: string): Promise<'sent' | 'already' | 'gone'> {
    const e = await this.store.archivable(entryId);
    if (!e) return 'gone';
    if (e.entry.archivedAt) return 'already';
    // Looked up per job, so a new principal is the one named from then on.
    const responsible = await saksansvarlig(this.directory)(e.case.unitId, e.case.handledBy);
    const refs = await this.transport.send({ ...e, case: { ...e.case, responsible } });
    await this.store.markArchived(entryId, refs, this.clock.now());
    return 'sent';
  }
}
