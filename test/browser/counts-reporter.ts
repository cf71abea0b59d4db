import fs from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Writes passed/failed/skipped to TRYGG_COUNTS_FILE, so `npm test` prints one line for Jest and Playwright together. */
export default class CountsReporter implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'passed') this.counts.passed++;
    else if (result.status === 'skipped') this.counts.skipped++;
    else this.counts.failed++;
  }

  onEnd(_result: FullResult): void {
    const file = process.env.TRYGG_COUNTS_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(this.counts));
  }
}
