import { randomUUID } from 'node:crypto';
import { isValidIsoDate } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings } from '../authorization.policy';
import { FieldError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { Clock, Directory, OwnerSettingsStore, SchoolHolidayRecord, UserContext } from '../ports';

export interface SchoolHolidayView {
  id: string;
  ownerId: string;
  unitId: string | null;
  from: string;
  to: string;
  name: string;
}

export interface SchoolHolidayInput {
  from: string;
  to: string;
  name: string;
  unitId?: string | null;
}

const view = (h: SchoolHolidayRecord): SchoolHolidayView => ({
  id: h.id,
  ownerId: h.ownerId,
  unitId: h.unitId,
  from: h.from,
  to: h.to,
  name: h.name,
});

/**
 * The owner's school holidays (skolerute): date ranges for all its units or one unit. School-day
 * deadlines created afterwards skip them; running deadlines keep their dates.
 */
export class SchoolHolidays {
  constructor(
    private readonly settings: OwnerSettingsStore,
    private readonly directory: Directory,
    private readonly clock: Clock,
  ) {}

  async list(user: UserContext, ownerId: string): Promise<SchoolHolidayView[]> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    return (await this.settings.holidays(ownerId)).map(view);
  }

  /** Adds one or more ranges at once (a whole school year), all or nothing. */
  async add(user: UserContext, ownerId: string, ranges: SchoolHolidayInput[]): Promise<SchoolHolidayView[]> {
    this.mayChange(user, ownerId);
    const errors: FieldError[] = [];
    const units = new Set((await this.directory.unitsOfOwners([ownerId])).map((u) => u.id));
    ranges.forEach((r, i) => {
      if (!isValidIsoDate(r.from)) errors.push({ field: `holidays[${i}].from`, message: 'must be a date YYYY-MM-DD' });
      if (!isValidIsoDate(r.to)) errors.push({ field: `holidays[${i}].to`, message: 'must be a date YYYY-MM-DD' });
      else if (isValidIsoDate(r.from) && r.to < r.from) errors.push({ field: `holidays[${i}].to`, message: 'must not be before from' });
      if (r.unitId && !units.has(r.unitId)) errors.push({ field: `holidays[${i}].unitId`, message: 'must be a unit of this owner' });
    });
    if (errors.length) throw new InvalidInputError(errors);
    const now = this.clock.now();
    const records = ranges.map((r) => ({
      id: randomUUID(),
      ownerId,
      unitId: r.unitId ?? null,
      from: r.from,
      to: r.to,
      name: r.name,
      createdBy: user.id,
      createdAt: now,
    }));
    await this.settings.addHolidays(records);
    return records.map(view);
  }

  async remove(user: UserContext, ownerId: string, id: string): Promise<void> {
    this.mayChange(user, ownerId);
    if (!(await this.settings.removeHoliday(ownerId, id))) throw new NotFoundError('school holiday not found');
  }

  private mayChange(user: UserContext, ownerId: string): void {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError('only the owner (kommune) uploads school holidays', 'owner');
  }
}
