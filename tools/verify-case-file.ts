/**
 * `npm run verify:case-file -- saksmappe.json`: recomputes every hash of an exported case file
 * (GET /api/cases/{id}/export) without Trygg's database — what an archive or Statsforvalteren can
 * run to see that the history they were handed is complete and unchanged. Prints the verification
 * as JSON; exits 0 when the chain holds, 1 when it is broken, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyExportedChain } from '../libs/cases/src/history';

const path = process.argv[2];
try {
  if (!path) throw new Error('usage: npm run verify:case-file -- <case-file.json>');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { case?: { id?: string }; chain?: unknown };
  if (!Array.isArray(file.chain)) throw new Error(`${path} has no "chain": export it with GET /api/cases/{id}/export?format=json`);
  const result = verifyExportedChain(file.chain as Parameters<typeof verifyExportedChain>[0]);
  console.log(JSON.stringify({ caseId: file.case?.id ?? null, ...result }, null, 2));
  process.exit(result.valid ? 0 : 1);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
