/**
 * `npm run bench:web`: what the web app costs a school laptop on first load. Prints the gzipped
 * size of the JavaScript and CSS the start page loads (budget: JavaScript under 300 kB), and the
 * time from navigation to an interactive start page (the principal's, with its tasks and cases
 * listed) in headless Chromium against a fresh `npm start`, over BENCH_RUNS cold loads.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startStack, stopStack } from '../browser/stack';
import { percentile } from './bench-infra';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WEB = path.resolve(__dirname, '..', '..', 'dist', 'apps', 'web');

async function main(): Promise<void> {
  const stack = await startStack();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(js|css))"/g)].map((m) => ({ file: m[1], kind: m[2] }));
    const gz = (kind: string) =>
      assets.filter((a) => a.kind === kind).reduce((n, a) => n + zlib.gzipSync(fs.readFileSync(path.join(WEB, a.file))).length, 0);
    const raw = (kind: string) => assets.filter((a) => a.kind === kind).reduce((n, a) => n + fs.statSync(path.join(WEB, a.file)).size, 0);

    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A cold browser cache each time: a new context, signed in through the session API.
      const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
      await context.request.post(`${stack.baseUrl}/api/auth/dev-login`, { data: { username: 'rektor' } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Forside' }).waitFor();
      await page.getByRole('table', { name: 'Saker, nyeste først' }).waitFor();
      await page.getByRole('table', { name: /Mine oppgaver/ }).waitFor();
      times.push(Date.now() - started);
      await context.close();
    }
    console.log(
      `first load: JavaScript ${(gz('js') / 1024).toFixed(1)} kB gzipped (${(raw('js') / 1024).toFixed(0)} kB raw), CSS ${(gz('css') / 1024).toFixed(1)} kB gzipped; budget for JavaScript 300 kB`,
    );
    console.log(
      `interactive start page (principal, tasks and cases listed), ${RUNS} cold loads: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, max ${Math.max(...times)} ms`,
    );
  } finally {
    await browser.close();
    await stopStack(stack);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
