import { createHash, Hash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';

/** Text for an XML element or attribute. */
export function esc(v: string): string {
  return v.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** `<name>value</name>`, or nothing when there is no value (every optional Noark element). */
export function el(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

/**
 * A file written as it is produced, with its SHA-256 and size counted on the way, so a deposit of
 * any size is never held in memory and its checksums need no second read.
 */
export class HashedFile {
  private readonly out: fs.WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(readonly path: string) {
    this.out = fs.createWriteStream(path);
  }

  async write(chunk: string | Buffer): Promise<void> {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buf);
    this.bytes += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  async close(): Promise<{ size: number; sha256: string }> {
    this.out.end();
    await once(this.out, 'finish');
    return { size: this.bytes, sha256: this.hash.digest('hex') };
  }

  destroy(): void {
    this.out.destroy();
  }
}

/** A whole small file at once (a PDF, a chain), with its checksum. */
export async function writeWhole(path: string, data: Buffer): Promise<{ size: number; sha256: string }> {
  await fs.promises.writeFile(path, data);
  return { size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/** A stable UUID for a Noark element Trygg has no row of its own for (a document description). */
export function derivedUuid(base: string, label: string): string {
  const h = createHash('sha256').update(`${base}/${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
