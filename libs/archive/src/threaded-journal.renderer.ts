import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JournalDocument } from '../../cases/src/archive/journal-rules';
import type { JournalRenderer } from '../../cases/src/ports';

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (e: Error) => void;
}
interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Journal documents rendered on worker threads, the same renderer and so the same bytes. A render
 * is the largest single part of opening a concern (about 4 ms of CPU when this was written; since
 * decisions 102, 105 and 109 about 1 ms alone, 0.8 ms for a concern in words of its own, more under
 * a load of openings), and on the API's one event loop every other request waited for it; on a
 * thread it runs beside them, on another core. Each thread parses the fonts once. A thread that
 * dies fails the renders it held (their commands fail and write nothing) and is replaced.
 */
export class ThreadedJournalRenderer implements JournalRenderer {
  private readonly threads: Thread[] = [];
  private seq = 0;
  private closed = false;

  constructor(private readonly count = Math.max(1, Math.min(os.availableParallelism() - 1, 4))) {}

  render(doc: JournalDocument): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('the journal renderer is closed'));
    // Started with the first document: a process that never journals starts no thread.
    while (this.threads.length < this.count) this.threads.push(this.start());
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private start(): Thread {
    const thread: Thread = { worker: spawnThread(), pending: new Map() };
    thread.worker.unref();
    thread.worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const p = thread.pending.get(m.id);
      if (!p) return;
      thread.pending.delete(m.id);
      if (m.pdf) p.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else p.reject(new Error(`journal document not rendered: ${m.error}`));
    });
    const lost = (why: string) => {
      for (const p of thread.pending.values()) p.reject(new Error(`journal render thread ${why}`));
      thread.pending.clear();
      const i = this.threads.indexOf(thread);
      if (i >= 0 && !this.closed) this.threads[i] = this.start();
    };
    thread.worker.on('error', (e) => lost(`failed: ${e.message}`));
    thread.worker.on('exit', (code) => lost(`exited (${code})`));
    return thread;
  }
}

/** The thread's module: compiled JavaScript, or (tests, benches) TypeScript through swc's loader. */
function spawnThread(): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = path.join(__dirname, 'journal-render.thread.ts');
    return new Worker(`require('@swc-node/register'); require(${JSON.stringify(entry)});`, { eval: true });
  }
  return new Worker(path.join(__dirname, 'journal-render.thread.js'));
}
