import { Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import {
  Token,
  token,
  CASE_STORE,
  CLOCK,
  Clock,
  DIRECTORY,
  DirectoryQueries,
  GetCase,
  GetCaseHistory,
  GetMyTasks,
  ListCases,
  OpenConcern,
  POLICY_PROVIDER,
  RunCaseCommand,
  OWNER_SETTINGS_STORE,
  NOTIFICATION_STORE,
  GetDeadlinePolicy,
  ChangeDeadlinePolicy,
  SchoolHolidays,
  GetMyNotifications,
  MarkNotificationRead,
  STAIRCASE_STORE,
  OmniInsight,
  CaseViews,
  GroupStaircase,
  OwnerGuidance,
  OwnerLanguageSetting,
  GetBtiLog,
  ACCESS_LOG,
  CaseReader,
  VerifyCaseHistory,
  GetCaseAccessLog,
  RefuseReadOnlyWrite,
  Supervision,
  ExportCaseFile,
  Retention,
  RETENTION_STORE,
  JOURNAL_RENDERER,
  JOURNAL_STORE,
  ARCHIVE_DEPOSIT_STORE,
  DEPOSIT_PACKAGE_WRITER,
  GetCaseJournal,
  BuildArchiveDeposit,
} from '../../../libs/cases/src';
import { Noark5DepositWriter, ThreadedJournalRenderer } from '../../../libs/archive/src';
import {
  createDataSource,
  CachedCaseStore,
  CachedDirectory,
  CachedOwnerSettingsStore,
  DEFAULT_READ_CACHE_MS,
  DirectoryChangesListener,
  ReadCache,
  TypeormNotificationStore,
  CachedStaircaseStore,
  TypeormAccessLog,
  TypeormRetentionStore,
  TypeormJournalStore,
  TypeormArchiveDepositStore,
} from '../../../libs/persistence/src';
import { ALL_QUEUES } from '../../../libs/scheduling/src/queues';
import { RateLimits } from './http/rate-limits';
import { OidcSettings } from './auth/oidc-login';
import { TokenVerifier } from '../../../libs/identity/src';

export const REDIS = token<Redis>('Redis');
/** The worker's BullMQ queues, read by health, metrics and the dashboard (the API never processes jobs). */
export const QUEUES = token<Queue[]>('Queues');

export interface ApiRuntime {
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  verifier: TokenVerifier;
  /** NODE_ENV: cookies are Secure everywhere but in development. Default: test. */
  environment?: 'development' | 'test' | 'production';
  /** false turns rate limiting off (tests and benchmarks that drive many requests). Default: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits | false;
  /** When set, GET /metrics answers a request carrying it as bearer token; otherwise loopback clients only. */
  metricsToken?: string;
  /** Express "trust proxy": set behind a reverse proxy so client addresses and https are seen. */
  trustProxy?: string;
  /** The owner's OIDC provider for the web app's sign-in; unset: no OIDC sign-in. */
  oidc?: OidcSettings;
  /** The public base URL (PUBLIC_URL), for OIDC redirects behind a proxy. */
  publicUrl?: string;
  /** The built web app (apps/web/dist) to serve at `/`; unset or missing: the API alone. */
  webDist?: string;
  /** How long a user's roles are reused between requests (ms); a change takes effect within it. Default 5 s. */
  userCacheMs?: number;
  /**
   * The longest the directory and the owner's settings are served from memory (ms) if a change
   * notice were lost; a change empties the cache when it commits. 0 turns the cache off. Default 60 s.
   */
  readCacheMs?: number;
}

/** The process's connection that hears changes to the cached tables, closed on shutdown. */
export const DIRECTORY_CHANGES = token<DirectoryChangesListener>('DirectoryChanges');
export const READ_CACHE = token<ReadCache>('ReadCache');

/** The runtime settings themselves, for the few HTTP pieces that read them (cookies, /metrics). */
export const API_RUNTIME = token<ApiRuntime>('ApiRuntime');
/** The rate limiter's own Redis connection (or null when limits are off), closed on shutdown. */
export const RATE_REDIS = token<Redis | null>('RateRedis');

/** Wires ports to their PostgreSQL/Redis implementations and the use cases to their ports. */
export function infrastructureProviders(rt: ApiRuntime): Provider[] {
  return [
    {
      provide: DataSource,
      useFactory: async () => {
        const ds = createDataSource(rt.databaseUrl);
        await ds.initialize();
        return ds;
      },
    },
    {
      provide: REDIS,
      useFactory: () => new Redis(rt.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    },
    { provide: CLOCK, useValue: rt.clock },
    { provide: TokenVerifier, useValue: rt.verifier },
    cached(CASE_STORE, (ds, cache) => new CachedCaseStore(ds, cache)),
    {
      provide: DIRECTORY_CHANGES,
      useFactory: () => {
        const listener = new DirectoryChangesListener(rt.databaseUrl);
        if (rt.readCacheMs !== 0) listener.start();
        return listener;
      },
    },
    {
      provide: READ_CACHE,
      useFactory: (changes: DirectoryChangesListener) => {
        const cache = new ReadCache(() => changes.live, rt.readCacheMs ?? DEFAULT_READ_CACHE_MS);
        changes.onChange(() => cache.clear());
        return cache;
      },
      inject: [DIRECTORY_CHANGES],
    },
    cached(DIRECTORY, (ds, cache) => new CachedDirectory(ds, cache)),
    {
      provide: QUEUES,
      useFactory: () =>
        ALL_QUEUES.map((name) => {
          const q = new Queue(name, { connection: { url: rt.redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false } });
          // Connection trouble shows in /api/health; an unhandled 'error' event must not end the process.
          q.on('error', () => undefined);
          return q;
        }),
    },
    cached(OWNER_SETTINGS_STORE, (ds, cache) => new CachedOwnerSettingsStore(ds, cache)),
    { provide: POLICY_PROVIDER, useExisting: OWNER_SETTINGS_STORE },
    store(NOTIFICATION_STORE, (ds) => new TypeormNotificationStore(ds)),
    cached(STAIRCASE_STORE, (ds, cache) => new CachedStaircaseStore(ds, cache)),
    store(ACCESS_LOG, (ds) => new TypeormAccessLog(ds)),
    useCase(CaseReader, [CASE_STORE, ACCESS_LOG, CLOCK]),
    useCase(VerifyCaseHistory, [CaseReader, CASE_STORE]),
    useCase(GetCaseAccessLog, [CaseReader, ACCESS_LOG]),
    useCase(RefuseReadOnlyWrite, [CASE_STORE, ACCESS_LOG, CLOCK]),
    store(RETENTION_STORE, (ds) => new TypeormRetentionStore(ds)),
    useCase(Retention, [OWNER_SETTINGS_STORE, RETENTION_STORE, CLOCK]),
    useCase(ExportCaseFile, [CaseReader, CASE_STORE, DIRECTORY]),
    useCase(Supervision, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CaseReader, CLOCK]),
    useCase(OmniInsight, [DIRECTORY, STAIRCASE_STORE, OWNER_SETTINGS_STORE]),
    useCase(CaseViews, [CASE_STORE, OmniInsight]),
    // On threads beside the event loop; closed with the app (api.module.ts).
    { provide: JOURNAL_RENDERER, useFactory: () => new ThreadedJournalRenderer() },
    store(JOURNAL_STORE, (ds) => new TypeormJournalStore(ds)),
    store(ARCHIVE_DEPOSIT_STORE, (ds) => new TypeormArchiveDepositStore(ds)),
    { provide: DEPOSIT_PACKAGE_WRITER, useValue: new Noark5DepositWriter() },
    useCase(GetCaseJournal, [CaseReader, JOURNAL_STORE]),
    useCase(BuildArchiveDeposit, [ARCHIVE_DEPOSIT_STORE, DEPOSIT_PACKAGE_WRITER, DIRECTORY, CaseReader, CLOCK]),
    useCase(OpenConcern, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK, CaseViews, JOURNAL_RENDERER]),
    useCase(RunCaseCommand, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK, CaseViews, OmniInsight, ACCESS_LOG, JOURNAL_RENDERER]),
    useCase(GetCase, [CaseReader, CaseViews]),
    useCase(ListCases, [CASE_STORE, CaseViews, CLOCK, CaseReader]),
    useCase(GetCaseHistory, [CaseReader, CASE_STORE, DIRECTORY]),
    useCase(GetBtiLog, [CaseReader, CASE_STORE]),
    useCase(GetMyTasks, [CASE_STORE, CLOCK]),
    useCase(DirectoryQueries, [DIRECTORY]),
    useCase(GetDeadlinePolicy, [OWNER_SETTINGS_STORE]),
    useCase(ChangeDeadlinePolicy, [OWNER_SETTINGS_STORE, CLOCK]),
    useCase(SchoolHolidays, [OWNER_SETTINGS_STORE, DIRECTORY, CLOCK]),
    useCase(GetMyNotifications, [NOTIFICATION_STORE]),
    useCase(MarkNotificationRead, [NOTIFICATION_STORE, CLOCK]),
    useCase(GroupStaircase, [DIRECTORY, STAIRCASE_STORE, CLOCK]),
    useCase(OwnerGuidance, [OWNER_SETTINGS_STORE, CLOCK]),
    useCase(OwnerLanguageSetting, [OWNER_SETTINGS_STORE, CLOCK]),
  ];
}

/** Something a use case depends on: a port's token, or a class Nest builds itself. */
type Dependency<T> = Token<T> | (abstract new (...args: never[]) => T);

/**
 * A use case and what its constructor takes, in order. The list is checked against the
 * constructor's parameter types, so two dependencies swapped do not compile.
 */
function useCase<A extends unknown[], T>(cls: new (...args: A) => T, inject: { [K in keyof A]: Dependency<A[K]> }): Provider {
  return { provide: cls, useFactory: (...deps: A) => new cls(...deps), inject: inject as unknown as Array<Dependency<unknown>> };
}

/** A port implemented on the database, with the read cache in front. */
function cached<T>(port: Token<T>, create: (ds: DataSource, cache: ReadCache) => T): Provider {
  return { provide: port, useFactory: create, inject: [DataSource, READ_CACHE] };
}

/** A port implemented on the database. */
function store<T>(port: Token<T>, create: (ds: DataSource) => T): Provider {
  return { provide: port, useFactory: create, inject: [DataSource] };
}
