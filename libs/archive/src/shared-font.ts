import type * as fontkit from 'fontkit';

/**
 * What journal documents can share across documents without changing a byte of any of them
 * (decisions 96, 102 and 105). pdfkit and fontkit work per document: each document lays out its
 * words again, decodes every glyph it embeds again and encodes its font programs again. A process
 * renders thousands of documents in the same two fonts, so the words' layouts, the glyphs' bytes and
 * the programs are kept for the process instead.
 * Both rely on internals of the pinned pdfkit and fontkit; a unit test compares the bytes with a
 * render through the libraries untouched.
 */

/** A glyph as fontkit's TrueType subset copies it into a document's font. */
interface GlyphBytes {
  bytes: Uint8Array;
  /** A composite glyph's parts, with where each part's glyph id stands in `bytes`. */
  parts: Array<{ glyphID: number; pos: number }> | null;
  advance: number;
  bearing: number;
}

/** fontkit's TTFSubset, as far as `_addGlyph` and `encode` use it (fontkit 2.0.4). */
interface TtfSubset {
  /** The font's glyph ids, in the order the document first used them. */
  glyphs: number[];
  encode(): Uint8Array;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

/** fontkit's font, as far as reading one glyph's bytes goes. */
interface FontInternals {
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: Array<{ glyphID: number; pos: number }> } | null;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
}

/**
 * The font with each glyph's bytes and metrics read once for the process. fontkit's subset decodes
 * every glyph it embeds (all its points, only to see whether it is composite) for every document;
 * here a document's subset copies what was read the first time. A composite glyph's parts are
 * numbered per document, so its bytes are copied and renumbered as fontkit does.
 *
 * A subset's font program depends only on its glyphs and their order, and documents of one kind
 * mostly use the same letters in the same order, so each program is also kept, for up to
 * `maxPrograms` glyph lists (decision 105).
 */
export function withSharedGlyphs(font: fontkit.Font, maxPrograms = 500): fontkit.Font {
  const f = font as unknown as FontInternals & fontkit.Font;
  // A variable font re-encodes its glyphs' paths, and a CFF font has no glyf table: left as they are.
  if (f._variationProcessor || f.directory.tables['CFF ']) return font;
  const glyphs = new Map<number, GlyphBytes>();
  const read = (gid: number): GlyphBytes => {
    let g = glyphs.get(gid);
    if (!g) {
      const glyph = f.getGlyph(gid);
      const glyf = glyph._decode();
      const stream = f._getTableStream('glyf');
      stream.pos += f.loca.offsets[gid];
      const bytes = stream.readBuffer(f.loca.offsets[gid + 1] - f.loca.offsets[gid]);
      const composite = glyf !== null && glyf.numberOfContours < 0;
      g = {
        bytes,
        parts: composite ? glyf.components!.map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      glyphs.set(gid, g);
    }
    return g;
  };
  const programs = new Map<string, Uint8Array>();
  const shared = Object.create(font) as fontkit.Font;
  shared.createSubset = () => {
    const subset = font.createSubset.call(shared) as unknown as TtfSubset;
    const encode = subset.encode;
    // pdfkit only copies the program into the document, and reads nothing of the subset after it.
    subset.encode = function (this: TtfSubset): Uint8Array {
      const key = this.glyphs.join(' ');
      let program = programs.get(key);
      if (!program) {
        program = encode.call(this);
        if (programs.size >= maxPrograms) programs.clear();
        programs.set(key, program);
      }
      return program;
    };
    subset._addGlyph = function (this: TtfSubset, gid: number): number {
      const g = read(gid);
      let bytes = g.bytes;
      if (g.parts) {
        bytes = new Uint8Array(g.bytes);
        const view = new DataView(bytes.buffer);
        for (const part of g.parts) view.setUint16(part.pos, this.includeGlyph(part.glyphID));
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    };
    return subset as unknown as ReturnType<fontkit.Font['createSubset']>;
  };
  return shared;
}

/** pdfkit's font in a document, as far as its word layouts go (pdfkit 0.20). */
interface EmbeddedFontInternals {
  layoutCache?: Record<string, unknown>;
}

/**
 * Word layouts kept for the process, one table per font: pdfkit lays out each word once per
 * document, scales the positions in place and then only reads them, so a table filled by one
 * document serves the next. Bounded: a full table is replaced by an empty one.
 */
export class SharedLayouts {
  private readonly tables = new Map<string, { words: Record<string, unknown>; size: number }>();

  constructor(private readonly maxWords = 50_000) {}

  /**
   * Selects each of `fonts` in turn, in the order given, and hands its pdfkit font the shared
   * table. pdfkit numbers fonts as they are first selected: give them in the order the document
   * first uses them, and the bytes do not change.
   */
  attach(doc: PDFKit.PDFDocument, fonts: string[]): void {
    for (const name of fonts) {
      doc.font(name);
      const font = (doc as unknown as { _font: EmbeddedFontInternals })._font;
      if (!font.layoutCache) continue;
      let table = this.tables.get(name);
      if (!table || table.size >= this.maxWords) {
        table = { words: Object.create(null) as Record<string, unknown>, size: 0 };
        this.tables.set(name, table);
      }
      font.layoutCache = this.counting(table);
    }
  }

  /** The table as pdfkit sees it: reads pass through, each new word is counted. */
  private counting(table: { words: Record<string, unknown>; size: number }): Record<string, unknown> {
    return new Proxy(table.words, {
      set(words, word: string, run) {
        if (!(word in words)) table.size++;
        words[word] = run;
        return true;
      },
    });
  }
}

/** A glyph as pdfkit's font reads it from a layout. */
interface LaidOutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** pdfkit's font in a document, as far as encoding text goes (pdfkit 0.20). */
interface EncodingFont {
  font: object;
  scale: number;
  subset: { includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
  layout(text: string): { glyphs: LaidOutGlyph[] };
}

const glyphsOfText = new WeakMap<object, Map<string, LaidOutGlyph[]>>();

/**
 * What pdfkit's `encode(text)` does to the font of a document, without the encoded text: each of
 * the text's glyphs into the document's subset, with its width and its letters. The text's glyphs
 * are laid out once for the process and font; laying them out is most of `encode`'s time.
 */
export function includeGlyphsOf(pdfFont: EncodingFont, text: string): void {
  let texts = glyphsOfText.get(pdfFont.font);
  if (!texts) glyphsOfText.set(pdfFont.font, (texts = new Map()));
  let glyphs = texts.get(text);
  if (!glyphs) texts.set(text, (glyphs = pdfFont.layout(text).glyphs));
  for (const glyph of glyphs) {
    const gid = pdfFont.subset.includeGlyph(glyph.id);
    pdfFont.widths[gid] ??= glyph.advanceWidth * pdfFont.scale;
    pdfFont.unicode[gid] ??= glyph.codePoints;
  }
}
