import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { JournalDocument } from '../../cases/src/archive/journal-rules';
import type { JournalRenderer } from '../../cases/src/ports';
import { SharedDeflate } from './shared-deflate';
import { includeGlyphsOf, SharedLayouts, withSharedGlyphs } from './shared-font';
import { woffToSfnt } from './woff-font';
import { pdfBytes } from './pdf-bytes';
import { directOutput } from './direct-output';

/** Inter (the web app's typeface), read and unpacked: PDF/A forbids fonts that are not embedded. */
export function interOf(weight: 400 | 700): fontkit.Font {
  return fontkit.create(
    woffToSfnt(fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`))),
  ) as fontkit.Font;
}

/**
 * The two weights a document is set in; without `layouts`, each document lays out its own words, and
 * without `streams` compresses its own streams.
 */
interface Fonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
  layouts?: SharedLayouts;
  streams?: SharedDeflate;
}

/**
 * The fonts as a process's documents share them (decision 102). Parsed once and handed to pdfkit as
 * fontkit fonts: parsing a font for every document was most of a render's time (pdfkit embeds only
 * the glyphs a document uses either way).
 */
let shared: Fonts | undefined;
function sharedFonts(): Fonts {
  shared ??= {
    regular: withSharedGlyphs(interOf(400)),
    bold: withSharedGlyphs(interOf(700)),
    layouts: new SharedLayouts(),
    streams: new SharedDeflate(),
  };
  return shared;
}

/**
 * The letters, digits and signs Norwegian case text is written in, each on its own (so each is its
 * own glyph, not part of a ligature), then the forms Inter gives some signs beside capitals and
 * digits: "(A)", "A-A", "12:30" (decision 109).
 */
const ALPHABET = `${[...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789.,:;-–()§/·\'"«»?!&%+é@'].join(' ')} (A) A-A 1:1`;

/**
 * Puts the alphabet first in the body font's subset, before any text. A subset's glyphs are in the
 * order the document first uses them, so without this each document's free text gives the body
 * font a program, widths and character map of its own, to encode and compress again; with it, most
 * documents share them, and the few glyphs outside the alphabet follow. The fonts are selected in
 * the order the document first uses them (the title is bold), so pdfkit numbers them as it would.
 * `shared`: with the alphabet's glyphs laid out once for the process, else through pdfkit's own
 * `encode`, as drawing text would.
 */
function embedAlphabetFirst(doc: PDFKit.PDFDocument, shared: boolean): void {
  doc.font('Bold').font('Body');
  const body = (doc as unknown as { _font: Parameters<typeof includeGlyphsOf>[0] & { encode(text: string): unknown } })._font;
  if (shared) includeGlyphsOf(body, ALPHABET);
  else body.encode(ALPHABET);
}

// Made once: an Intl formatter costs more to build than to use.
const osloLong = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });
const when = (d: Date) => osloLong.format(d);

/**
 * A journalled document as PDF/A-2b (pdfkit), the format the archive takes (riksarkivarens
 * forskrift § 5-17).
 */
export class PdfJournalRenderer implements JournalRenderer {
  private readonly fonts: Fonts;

  /**
   * `shareAcrossDocuments: false` renders through pdfkit and fontkit as they are, each document on
   * its own and written through pdfkit's stream: the reference the shared render must match byte for
   * byte.
   */
  constructor(opts: { shareAcrossDocuments?: boolean } = {}) {
    this.fonts = opts.shareAcrossDocuments === false ? { regular: interOf(400), bold: interOf(700) } : sharedFonts();
  }

  render(d: JournalDocument): Promise<Buffer> {
    const f = this.fonts;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      subset: 'PDF/A-2b',
      pdfVersion: '1.7',
      lang: 'nb-NO',
      // No default Helvetica: it would be read from its metrics file for every document, unused.
      font: null,
      // Added below, once the document's bytes are gathered directly (decision 109).
      autoFirstPage: !f.layouts,
      info: { Title: d.title, Author: d.author, Subject: d.unitName, Creator: 'Trygg', CreationDate: d.at },
    } as unknown as PDFKit.PDFDocumentOptions);
    // pdfkit takes a fontkit font as it is (its `registerFont` accepts any object with `layout`).
    doc.registerFont('Body', f.regular as unknown as Buffer);
    doc.registerFont('Bold', f.bold as unknown as Buffer);
    // In the order the document first uses them (the title is bold), so pdfkit numbers them as it would.
    f.layouts?.attach(doc, ['Bold', 'Body']);
    f.streams?.attach(doc);
    embedAlphabetFirst(doc, !!f.layouts);
    const streamed = f.layouts ? undefined : pdfBytes(doc);
    const direct = f.layouts ? directOutput(doc) : undefined;
    if (direct) doc.addPage();
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('Bold').fontSize(15).text(d.title, { width });
    doc.moveDown(0.4).font('Body').fontSize(9.5).fillColor('#444444');
    doc.text(`${d.unitName} · ${d.legalBasis.join(', ')}`, { width });
    doc.text(`${when(d.at)} · ${d.author}`, { width });
    doc.text('Unntatt offentlighet, offl. § 13, jf. fvl. § 13 første ledd nr. 1', { width });
    doc.fillColor('black');
    for (const s of d.sections) {
      doc.moveDown(0.8);
      if (s.heading) doc.font('Bold').fontSize(11.5).text(s.heading, { width }).moveDown(0.2);
      for (const [label, value] of s.fields) {
        doc.font('Bold').fontSize(10).text(label, { width });
        doc.font('Body').fontSize(10).text(value, { width }).moveDown(0.35);
      }
    }
    doc.end();
    return direct ? Promise.resolve(direct()) : streamed!;
  }
}
