import { Provider } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import {
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
} from '../../../libs/cases/src';
import {
  createDataSource,
  TypeormCaseStore,
  TypeormDirectory,
  TypeormNotificationStore,
  TypeormOwnerSettingsStore,
  TypeormStaircaseStore,
  TypeormAccessLog,
  TypeormRetentionStore,
} from '../../../libs/persistence/src';
import { ALL_QUEUES } from '../../../libs/scheduling/src/queues';
import { RateLimits } from './http/rate-limits';
import { OidcSettings } from './auth/oidc-login';
import { TokenVerifier } from '../../../libs/identity/src';

export const REDIS = Symbol('Redis');
/** The worker's BullMQ queues, read by health, metrics and the dashboard (the API never processes jobs). */
export const QUEUES = Symbol('Queues');

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
}

/** The runtime settings themselves, for the few HTTP pieces that read them (cookies, /metrics). */
export const API_RUNTIME = Symbol('API_RUNTIME');
/** The rate limiter's own Redis connection (or null when limits are off), closed on shutdown. */
export const RATE_REDIS = Symbol('RATE_REDIS');

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
    { provide: CASE_STORE, useFactory: (ds: DataSource) => new TypeormCaseStore(ds), inject: [DataSource] },
    { provide: DIRECTORY, useFactory: (ds: DataSource) => new TypeormDirectory(ds), inject: [DataSource] },
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
    { provide: OWNER_SETTINGS_STORE, useFactory: (ds: DataSource) => new TypeormOwnerSettingsStore(ds), inject: [DataSource] },
    { provide: POLICY_PROVIDER, useExisting: OWNER_SETTINGS_STORE },
    { provide: NOTIFICATION_STORE, useFactory: (ds: DataSource) => new TypeormNotificationStore(ds), inject: [DataSource] },
    { provide: STAIRCASE_STORE, useFactory: (ds: DataSource) => new TypeormStaircaseStore(ds), inject: [DataSource] },
    { provide: ACCESS_LOG, useFactory: (ds: DataSource) => new TypeormAccessLog(ds), inject: [DataSource] },
    useCase(CaseReader, [CASE_STORE, ACCESS_LOG, CLOCK]),
    useCase(VerifyCaseHistory, [CaseReader, CASE_STORE]),
    useCase(GetCaseAccessLog, [CaseReader, ACCESS_LOG]),
    useCase(RefuseReadOnlyWrite, [CASE_STORE, ACCESS_LOG, CLOCK]),
    { provide: RETENTION_STORE, useFactory: (ds: DataSource) => new TypeormRetentionStore(ds), inject: [DataSource] },
    useCase(Retention, [OWNER_SETTINGS_STORE, RETENTION_STORE, CLOCK]),
    useCase(ExportCaseFile, [CaseReader, CASE_STORE, DIRECTORY]),
    useCase(Supervision, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CaseReader, CLOCK]),
    useCase(OmniInsight, [DIRECTORY, STAIRCASE_STORE, OWNER_SETTINGS_STORE]),
    useCase(CaseViews, [CASE_STORE, OmniInsight]),
    useCase(OpenConcern, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK, CaseViews]),
    useCase(RunCaseCommand, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK, CaseViews, OmniInsight, ACCESS_LOG]),
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
  ];
}

function useCase<T>(cls: new (...args: never[]) => T, inject: Array<symbol | (new (...args: never[]) => unknown)>): Provider {
  return { provide: cls, useFactory: (...deps: unknown[]) => new (cls as new (...a: unknown[]) => T)(...deps), inject };
}
