/**
 * `npm run api:types`: writes apps/web/src/api/schema.d.ts from the API's OpenAPI document, which
 * it gets from a real API on a throw-away embedded PostgreSQL and redis-server.
 * (The suite's api-types test fails when the committed file is stale.)
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createLocalApiApp } from '../apps/api/src/local-api-app';
import { SystemClock } from '../libs/platform/src';
import { startBenchInfra } from '../test/bench/bench-infra';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

async function main(): Promise<void> {
  const infra = await startBenchInfra();
  const app = await createLocalApiApp(infra.databaseUrl, infra.redisUrl, new SystemClock());
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const doc = await (await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).json();
    fs.writeFileSync(API_TYPES_FILE, await renderApiTypes(doc));
    console.log(`wrote ${API_TYPES_FILE}`);
  } finally {
    await app.close();
    await infra.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
