import type { INestApplication } from '@nestjs/common';
import { TokenVerifier } from '../../../libs/identity/src';
import type { Clock } from '../../../libs/cases/src/ports';
import { createApiApp } from './create-api-app';

/**
 * The API inside another process (the demo seed, benchmarks, the type generator): development
 * tokens, no logs, no rate limits, since that process drives it on purpose and alone.
 */
export function createLocalApiApp(databaseUrl: string, redisUrl: string, clock: Clock): Promise<INestApplication> {
  return createApiApp({
    databaseUrl,
    redisUrl,
    clock,
    verifier: new TokenVerifier({ production: false, usernameClaim: 'preferred_username' }),
    logLevel: 'silent',
    rateLimits: false,
  });
}
