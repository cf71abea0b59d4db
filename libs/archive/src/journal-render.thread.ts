import { parentPort } from 'node:worker_threads';
import type { JournalDocument } from '../../cases/src/archive/journal-rules';
import { PdfJournalRenderer } from './journal-document.pdf';

/** One render thread of ThreadedJournalRenderer: a document in, its PDF/A bytes out. */
const renderer = new PdfJournalRenderer();
parentPort!.on('message', async ({ id, doc }: { id: number; doc: JournalDocument }) => {
  try {
    parentPort!.postMessage({ id, pdf: await renderer.render(doc) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message ?? String(e) });
  }
});
