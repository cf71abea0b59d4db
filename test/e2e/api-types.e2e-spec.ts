import fs from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from '../../tools/api-types';
import { startTestApp, TestApp } from '../harness/test-app';

/** The web app is typed from the API's own OpenAPI document: the committed types must be current. */
describe('the web app’s API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('match GET /api/openapi.json (run `npm run api:types` after changing the API)', async () => {
    const doc = (await t.http().get('/api/openapi.json')).body;
    const fresh = await renderApiTypes(doc);
    const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, 'utf8') : '';
    expect(committed === fresh ? 'current' : 'stale: run npm run api:types').toBe('current');
  });
});
