import zlib from 'node:zlib';

/** pdfkit's reference to an object, as far as writing a stream into it goes (pdfkit 0.20). */
interface StreamReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/** pdfkit's document, as far as writing its bytes goes (pdfkit 0.20). */
interface DocumentInternals {
  _offset: number;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  read(): Buffer | null;
  readableFlowing: boolean | null;
  push(chunk: unknown): boolean;
  addPage(options?: object): unknown;
  page: { content: StreamReference };
}

/**
 * A pdfkit document's bytes gathered as it writes them, without its stream (decision 109). pdfkit
 * writes a document as a Node stream: every line of every object is turned into bytes one character
 * at a time and pushed through the stream, and every operator on a page is turned into bytes of
 * its own and joined when the page ends. Here lines stay strings until the end and become bytes in
 * one go, as pdfkit makes them (each character's low byte), so the bytes and every offset in the
 * cross-reference table stay the same.
 *
 * Make the document with `autoFirstPage: false`, call this, then add the first page: pdfkit adds it
 * last in its constructor, so the objects are numbered as they would be. Call the returned function
 * once the document has ended, for its bytes.
 */
export function directOutput(doc: PDFKit.PDFDocument): () => Buffer {
  const d = doc as unknown as DocumentInternals;
  // Once read as a stream, the header has left: these bytes would lack it.
  if (d.readableFlowing !== null) throw new Error('the document is already read as a stream');
  const out = new LatinBuffer();
  // The header, which the constructor wrote, waits in the stream unread.
  const head = d.read();
  if (head) out.bytes(head);
  d._write = (data) => {
    if (data instanceof Uint8Array) {
      out.bytes(data);
      d._offset += data.length;
    } else {
      const line = `${data}\n`;
      out.text(line);
      d._offset += line.length;
    }
  };
  let ended = false;
  const finalize = d._finalize;
  d._finalize = function (this: DocumentInternals) {
    // pdfkit ends its stream last; nobody reads it.
    this.push = () => false;
    finalize.call(this);
    ended = true;
  };
  const addPage = d.addPage;
  d.addPage = function (this: DocumentInternals, options?: object) {
    const page = addPage.call(this, options);
    directContent(this.page.content);
    return page;
  };
  return () => {
    if (!ended) throw new Error('the document has not ended: an object is still being written');
    return out.done();
  };
}

/** A page's content kept as text until the page ends, then compressed as pdfkit would. */
function directContent(ref: StreamReference): void {
  const content = new LatinBuffer();
  // What the page wrote as it was added (its coordinate system) comes first.
  for (const chunk of ref.buffer) content.bytes(chunk);
  ref.buffer = [];
  ref.write = (chunk) => {
    const length = chunk instanceof Uint8Array ? content.bytes(chunk) : content.text(`${chunk}\n`);
    ref.uncompressedLength += length;
    ref.data.Length = (ref.data.Length ?? 0) + length;
    if (ref.compress) ref.data.Filter = 'FlateDecode';
  };
  const finalize = ref.finalize;
  ref.finalize = function (this: StreamReference) {
    if (!content.empty()) {
      const raw = content.done();
      // zlib's defaults, as pdfkit's. Not through SharedDeflate: a page is this document's own, and
      // would only fill the table shared across documents.
      this.buffer = [this.compress ? zlib.deflateSync(raw) : raw];
      this.compress = false;
    }
    finalize.call(this);
  };
}

/** Text and bytes in order; text becomes bytes as pdfkit makes them, a character's low byte each. */
class LatinBuffer {
  private readonly parts: Uint8Array[] = [];
  private lines: string[] = [];

  /** Returns the bytes the text will take. */
  text(s: string): number {
    this.lines.push(s);
    return s.length;
  }

  bytes(b: Uint8Array): number {
    this.flush();
    this.parts.push(b);
    return b.length;
  }

  empty(): boolean {
    return this.parts.length === 0 && this.lines.length === 0;
  }

  done(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (!this.lines.length) return;
    // Node's latin1 keeps each UTF-16 unit's low byte, as pdfkit's fromBinaryString does.
    this.parts.push(Buffer.from(this.lines.join(''), 'latin1'));
    this.lines = [];
  }
}
