import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_TYPES_FILE } from '../../tools/api-types';
import { startTestApp, TestApp } from '../harness/test-app';

/** The web app is typed from the API's own OpenAPI document: the committed types must be current. */
describe('the web app’s API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('match GET /api/openapi.json (run `npm run api:types` after changing the API)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-types-'));
    const doc = path.join(dir, 'openapi.json');
    const fresh = path.join(dir, 'schema.d.ts');
    fs.writeFileSync(doc, JSON.stringify((await t.http().get('/api/openapi.json')).body));
    execFileSync(process.execPath, ['-r', '@swc-node/register', path.resolve(__dirname, '../../tools/api-types.ts'), doc, fresh], {
      cwd: path.resolve(__dirname, '../..'),
    });
    const same = fs.readFileSync(fresh, 'utf8') === fs.readFileSync(API_TYPES_FILE, 'utf8');
    // The fresh file is left in the temporary folder for a diff when they differ.
    expect(same ? 'current' : `stale: run npm run api:types (fresh types in ${fresh})`).toBe('current');
  }, 60_000);
});
