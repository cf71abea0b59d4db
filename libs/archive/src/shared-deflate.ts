import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/** pdfkit's reference to a stream object, as far as compressing it goes (pdfkit 0.20). */
interface StreamReference {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/**
 * Compressed streams kept for the process (decision 105). pdfkit deflates every stream of every
 * document, and most of a journal document's streams are the same from one document to the next:
 * the colour profile PDF/A requires, and the programs and character maps of fonts subset to the
 * same glyphs. deflate gives the same bytes for the same input and settings (pdfkit uses zlib's
 * defaults), so a stream's compressed bytes are kept under the SHA-256 of its bytes and the document
 * does not change. Bounded: a full table is replaced by an empty one.
 */
export class SharedDeflate {
  private readonly table = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  /** Makes every stream `doc` creates from now on compress through the table. */
  attach(doc: PDFKit.PDFDocument): void {
    const internals = doc as unknown as { ref(data?: object): StreamReference };
    const ref = internals.ref.bind(doc);
    internals.ref = (data?: object) => {
      const r = ref(data);
      const finalize = r.finalize;
      r.finalize = () => {
        // pdfkit marked the stream FlateDecode as it was written; it then only writes what it holds.
        if (r.compress && r.buffer.length) {
          r.buffer = [this.deflate(Buffer.concat(r.buffer))];
          r.compress = false;
        }
        finalize.call(r);
      };
      return r;
    };
  }

  private deflate(raw: Buffer): Buffer {
    const key = createHash('sha256').update(raw).digest('base64');
    let out = this.table.get(key);
    if (!out) {
      out = zlib.deflateSync(raw);
      if (this.bytes + out.length > this.maxBytes) {
        this.table.clear();
        this.bytes = 0;
      }
      this.table.set(key, out);
      this.bytes += out.length;
    }
    return out;
  }
}
