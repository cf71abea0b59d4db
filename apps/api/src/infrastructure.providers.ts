import { Provider } from '@nestjs/common';
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
} from '../../../libs/cases/src';
import { createDataSource, DefaultPolicyProvider, TypeormCaseStore, TypeormDirectory } from '../../../libs/persistence/src';
import { TokenVerifier } from '../../../libs/identity/src';

export const REDIS = Symbol('Redis');

export interface ApiRuntime {
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  verifier: TokenVerifier;
}

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
    { provide: POLICY_PROVIDER, useClass: DefaultPolicyProvider },
    useCase(OpenConcern, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK]),
    useCase(RunCaseCommand, [CASE_STORE, DIRECTORY, POLICY_PROVIDER, CLOCK]),
    useCase(GetCase, [CASE_STORE, CLOCK]),
    useCase(ListCases, [CASE_STORE, CLOCK]),
    useCase(GetCaseHistory, [CASE_STORE]),
    useCase(GetMyTasks, [CASE_STORE, CLOCK]),
    useCase(DirectoryQueries, [DIRECTORY]),
  ];
}

function useCase<T>(cls: new (...args: never[]) => T, inject: symbol[]): Provider {
  return { provide: cls, useFactory: (...deps: unknown[]) => new (cls as new (...a: unknown[]) => T)(...deps), inject };
}
