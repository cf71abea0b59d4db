import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { addDays, isValidIsoDate, osloInstant } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings } from '../authorization.policy';
import { CaseReader } from '../audit/case-reader';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { ArchiveDepositStore, Clock, DepositPackageWriter, Directory, UserContext } from '../ports';
import { saksansvarlig } from './saksansvarlig';

export interface ArchiveDepositInput {
  /** First and last day (Oslo) the cases were closed. */
  from: string;
  to: string;
  unitIds?: string[];
}

/** A built package, ready to stream; `settle` records whether it reached the receiver. */
export interface ArchiveDeposit {
  depositId: string;
  fileName: string;
  caseCount: number;
  entryCount: number;
  stream(): Readable;
  settle(delivered: boolean): Promise<void>;
}

/** Cases read per batch: enough to keep the database busy, few enough to keep memory flat. */
const BATCH = 100;
/** A deposit building longer than this was abandoned (its process died): its cases are free again. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/**
 * POST /owners/{id}/archive-deposits: the owner hands the cases closed in a period to the municipal
 * archive as a Noark 5 deposit (arkivuttrekk). The cases are claimed first, so a second deposit of
 * the same period takes nothing twice; they count as deposited only once the package has been
 * delivered whole, and are given back when it was not.
 */
export class BuildArchiveDeposit {
  constructor(
    private readonly store: ArchiveDepositStore,
    private readonly writer: DepositPackageWriter,
    private readonly directory: Directory,
    private readonly reader: CaseReader,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, ownerId: string, input: ArchiveDepositInput): Promise<ArchiveDeposit> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError('only the owner (kommune) deposits cases to its archive', 'owner');
    const errors = [];
    if (!isValidIsoDate(input.from)) errors.push({ field: 'from', message: 'must be a date (YYYY-MM-DD)' });
    if (!isValidIsoDate(input.to)) errors.push({ field: 'to', message: 'must be a date (YYYY-MM-DD)' });
    if (!errors.length && input.from > input.to) errors.push({ field: 'from', message: `must not be after to (${input.to})` });
    if (input.unitIds?.length) {
      const units = await this.directory.unitsByIds(input.unitIds);
      input.unitIds.forEach((id, i) => {
        if (!units.some((u) => u.id === id && u.ownerId === ownerId))
          errors.push({ field: `unitIds[${i}]`, message: "must be one of the owner's units" });
      });
    }
    if (errors.length) throw new InvalidInputError(errors);
    const ownerName = (await this.store.ownerName(ownerId)) ?? ownerId;

    const now = this.clock.now();
    const depositId = randomUUID();
    const claim = await this.store.claim({
      depositId,
      ownerId,
      from: input.from,
      to: input.to,
      fromAt: osloInstant(input.from, '00:00'),
      before: osloInstant(addDays(input.to, 1), '00:00'),
      unitIds: input.unitIds?.length ? input.unitIds : null,
      userId: user.id,
      at: now,
      abandonedBefore: new Date(now.getTime() - ABANDONED_AFTER_MS),
    });
    if (claim.caseCount === 0) {
      await this.store.release(depositId);
      throw new InvalidInputError([
        { field: 'from', message: `no closed case in ${input.from}..${input.to} that a deposit has not taken already` },
      ]);
    }
    const builder = await this.writer.begin({
      depositId,
      ownerId,
      ownerName,
      from: input.from,
      to: input.to,
      createdAt: now,
      createdBy: user.displayName,
      caseCount: claim.caseCount,
      entryCount: claim.entryCount,
    });
    const leaderOf = saksansvarlig(this.directory);
    try {
      for (let after: string | null = null; ;) {
        const batch = await this.store.casesOf(depositId, after, BATCH);
        if (!batch.length) break;
        // Handing a case to the archive is a read of it, and on record like every other.
        await this.reader.logMany(
          user,
          batch.map((c) => c.rec),
          'archive_deposit',
          now,
          { detail: depositId },
        );
        const documents = await this.store.documents(batch.flatMap((c) => c.entries.map((e) => e.id)));
        for (const c of batch) await builder.add(c, documents, await leaderOf(c.rec.unitId, c.rec.handledBy));
        after = batch[batch.length - 1].rec.id;
      }
      // The journals list the same entries in journal-number order, across cases.
      for (let after: { year: number; seq: number } | null = null; ;) {
        const rows = await this.store.journalOf(depositId, after, BATCH * 5);
        if (!rows.length) break;
        await builder.addJournal(rows);
        const last = rows[rows.length - 1].entry;
        after = { year: last.journalYear, seq: last.journalSeq };
      }
      const pkg = await builder.finish();
      return {
        depositId,
        fileName: pkg.fileName,
        caseCount: claim.caseCount,
        entryCount: claim.entryCount,
        stream: () => pkg.stream(),
        settle: async (delivered) => {
          try {
            if (delivered) await this.store.complete(depositId, this.clock.now());
            else await this.store.release(depositId);
          } finally {
            await pkg.dispose();
          }
        },
      };
    } catch (e) {
      await builder.abort();
      await this.store.release(depositId);
      throw e;
    }
  }
}
