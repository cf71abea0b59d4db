import { ArchiveSendStore, ArchiveTransport, Clock } from '../ports';

/**
 * A journal entry goes to the archive service (a job from the outbox; at least once). An entry the
 * archive acknowledged already is not sent again; a failure throws, and the job retries with backoff.
 */
export class SendJournalEntryToArchive {
  constructor(
    private readonly store: ArchiveSendStore,
    private readonly transport: ArchiveTransport,
    private readonly clock: Clock,
  ) {}

  async execute(entryId: string): Promise<'sent' | 'already' | 'gone'> {
    const e = await this.store.archivable(entryId);
    if (!e) return 'gone';
    if (e.entry.archivedAt) return 'already';
    const refs = await this.transport.send(e);
    await this.store.markArchived(entryId, refs, this.clock.now());
    return 'sent';
  }
}
