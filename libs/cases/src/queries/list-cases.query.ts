import { addDays, CaseState, isValidIsoDate, osloInstant } from '../../../workflow/src';
import { caseScopeOf } from '../authorization.policy';
import { CaseView } from '../case-view';
import { CaseViews } from '../case-views';
import { InvalidInputError } from '../errors';
import { CaseStore, Clock, UserContext } from '../ports';
import { CaseReader } from '../audit/case-reader';
import { findableByChild } from '../ppt-anonymity';

export interface ListCasesInput {
  unitId?: string;
  state?: CaseState;
  overdue?: boolean;
  childId?: string;
  groupId?: string;
  open?: boolean;
  /** Opened from and to these Oslo dates, both included. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
  purpose?: string;
}

export interface CasePage {
  items: CaseView[];
  nextCursor: string | null;
}

function encodeCursor(openedAt: Date, id: string): string {
  return Buffer.from(`${openedAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { openedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const openedAt = new Date(at);
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(openedAt.getTime())) {
    throw new InvalidInputError([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  return { openedAt, id };
}

/** Cases in the user's scope, newest first, with keyset (cursor) pagination. */
export class ListCases {
  constructor(
    private readonly store: CaseStore,
    private readonly views: CaseViews,
    private readonly clock: Clock,
    private readonly reader: CaseReader,
  ) {}

  async execute(user: UserContext, input: ListCasesInput): Promise<CasePage> {
    const now = this.clock.now();
    const limit = input.limit ?? 20;
    for (const field of ['from', 'to'] as const) {
      const v = input[field];
      if (v !== undefined && !isValidIsoDate(v)) throw new InvalidInputError([{ field, message: 'must be a date YYYY-MM-DD' }]);
    }
    if (input.from && input.to && input.from > input.to) throw new InvalidInputError([{ field: 'to', message: 'must not be before from' }]);
    const rows = await this.store.list({
      scope: caseScopeOf(user, now),
      unitId: input.unitId,
      state: input.state,
      childId: input.childId,
      groupId: input.groupId,
      openOnly: input.open,
      overdueAt: input.overdue ? now : undefined,
      openedFrom: input.from ? osloInstant(input.from, '00:00') : undefined,
      openedBefore: input.to ? osloInstant(addDays(input.to, 1), '00:00') : undefined,
      after: input.cursor ? decodeCursor(input.cursor) : undefined,
      limit: limit + 1,
    });
    const fetched = rows.slice(0, limit);
    // Filtered after the query, so the cursor still follows the rows the query returned.
    const page = input.childId || input.groupId ? fetched.filter((r) => findableByChild(user, r, now)) : fetched;
    // Auditors' every read is logged (docs/domain.md §6), lists included.
    if (user.roles.every((r) => r.role === 'auditor'))
      await this.reader.logMany(user, page, 'list', now, { purpose: input.purpose?.trim() || null });
    const items = await this.views.many(user, page, now);
    const last = fetched[fetched.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.openedAt, last.id) : null };
  }
}
