import { DataSource } from 'typeorm';
import {
  CaseChange,
  CaseRecord,
  CaseViews,
  CaseWrites,
  OmniInsight,
  OpenConcern,
  OpenConcernInput,
  RunCaseCommand,
  UserContext,
} from '../../libs/cases/src';
import { createDataSource } from '../../libs/persistence/src/data-source';
import {
  CachedCaseStore,
  CachedDirectory,
  CachedOwnerSettingsStore,
  CachedStaircaseStore,
  ReadCache,
  TypeormAccessLog,
  TypeormCaseStore,
  TypeormDirectory,
  TypeormOwnerSettingsStore,
  TypeormStaircaseStore,
} from '../../libs/persistence/src';
import { DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { FixedClock } from '../../libs/platform/src';
import { PdfJournalRenderer } from '../../libs/archive/src';
import { createTestDatabase } from '../harness/test-db';

/**
 * The real stores on a fresh database cloned from the seeded template, with the use cases wired
 * to them and a clock set by hand: no HTTP, no Redis. What the API's providers wire, in miniature.
 */
export interface MediumRig {
  ds: DataSource;
  clock: FixedClock;
  store: TypeormCaseStore;
  directory: TypeormDirectory;
  open: OpenConcern;
  run: RunCaseCommand;
  user(username: string): Promise<UserContext>;
  close(): Promise<void>;
}

/**
 * A read cache that hears no change notices, as the API's is between a change and its notice:
 * only the stores' own emptying can show a change through it.
 */
export const deafCache = (): ReadCache => new ReadCache(() => true, 60_000);

/** With `cached`, the stores read through a `deafCache()`. */
export async function startMediumRig(at = '2027-03-01T09:00:00+01:00', opts: { cached?: boolean } = {}): Promise<MediumRig> {
  const ds = createDataSource(await createTestDatabase(), { poolSize: 4 });
  await ds.initialize();
  const clock = new FixedClock(new Date(at));
  const cache = opts.cached ? deafCache() : undefined;
  const store = cache ? new CachedCaseStore(ds, cache) : new TypeormCaseStore(ds);
  const directory = cache ? new CachedDirectory(ds, cache) : new TypeormDirectory(ds);
  const settings = cache ? new CachedOwnerSettingsStore(ds, cache) : new TypeormOwnerSettingsStore(ds);
  const staircase = cache ? new CachedStaircaseStore(ds, cache) : new TypeormStaircaseStore(ds);
  const omni = new OmniInsight(directory, staircase, settings);
  const views = new CaseViews(store, omni);
  const renderer = new PdfJournalRenderer();
  return {
    ds,
    clock,
    store,
    directory,
    open: new OpenConcern(store, directory, settings, clock, views, renderer),
    run: new RunCaseCommand(store, directory, settings, clock, views, omni, new TypeormAccessLog(ds), renderer),
    async user(username) {
      const u = await directory.userByUsername(username);
      if (!u) throw new Error(`no demo user ${username}`);
      return u;
    },
    close: () => ds.destroy(),
  };
}

export function concern(unit: keyof typeof DEMO_UNITS, childIds: string[], over: Partial<OpenConcernInput> = {}): OpenConcernInput {
  return {
    unitId: DEMO_UNITS[unit].id,
    childIds,
    concern: 'The others push the child away in the breaks.',
    source: 'staff_observation',
    childSaysUnsafe: false,
    staffOffender: false,
    offenderIsLeadership: false,
    ...over,
  };
}

/** The case's change when a command moves no machine: what it was. */
export function unchangedOf(rec: CaseRecord): CaseChange {
  return {
    state: rec.state,
    snapshot: rec.snapshot,
    bti: rec.bti,
    enforcement: rec.enforcement,
    legalHold: rec.legalHold,
    serious: rec.serious,
    involvedUserIds: rec.involvedUserIds,
    closedAt: rec.closedAt,
  };
}

/** The writes of a note Trygg itself adds: history only. */
export const noteWrites = (at: Date, text = 'medium test'): CaseWrites => ({
  events: [{ type: 'ADD_NOTE', actorUserId: null, actorRole: 'system', at, payload: { kind: 'other', text } }],
  deadlines: [],
  notifications: [],
});
