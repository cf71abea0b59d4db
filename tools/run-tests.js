/**
 * `npm test`: type-check, lint (ESLint and Prettier), Jest (unit, medium and integration against real PostgreSQL and Redis), then the
 * browser tests (Playwright in Chromium against the real stack), and one closing line for all of
 * them: "N passed, N failed, N skipped". Exits non-zero when anything failed or a runner broke.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

if (run('npm', ['run', '-s', 'typecheck']) !== 0) process.exit(1);
if (run('npm', ['run', '-s', 'lint']) !== 0) process.exit(1);

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
for (const [name, cmd, args] of [
  ['jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]],
  ['playwright', 'npx', ['playwright', 'test', '--config', 'test/browser/playwright.config.ts']],
]) {
  const file = path.join(os.tmpdir(), `trygg-counts-${name}-${process.pid}.json`);
  fs.rmSync(file, { force: true });
  const status = run(cmd, args, { TRYGG_COUNTS_FILE: file });
  if (fs.existsSync(file)) {
    const c = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const k of Object.keys(totals)) totals[k] += c[k];
    fs.rmSync(file);
  } else {
    console.error(`${name} ended without counting its tests (exit ${status})`);
    broken = true;
  }
  if (status !== 0) broken = true;
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
