import PDFDocument from 'pdfkit';
import type { JournalDocument } from '../../cases/src/archive/journal-rules';
import { interOf as inter, PdfJournalRenderer } from '../src/journal-document.pdf';
import { pdfBytes } from '../src/pdf-bytes';
import { SharedLayouts, withSharedGlyphs } from '../src/shared-font';

// Letters fontkit embeds as composite glyphs (Å, é, ü: a base and an accent), ligatures, quotes, dashes.
const WORDS = [
  'Eleven',
  'ble',
  'holdt',
  'utenfor',
  'friminuttet',
  'æøå',
  'ÆØÅ',
  'é',
  'ü',
  '«sitat»',
  '–',
  '§ 12-4',
  'ffl',
  'Åse',
  'Øyvind',
  '…',
  'naïve',
  'Ångström',
];

/** A deterministic mix of short and long documents (some run over several pages). */
function corpus(n: number): JournalDocument[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    title: `${text(3)} ${i}`,
    unitName: 'Demo skole',
    legalBasis: ['opplæringslova § 12-4'],
    at: new Date(Date.UTC(2027, i % 12, 1 + (i % 27), 8, i % 60)),
    author: `${text(2)} (rektor)`,
    sections: Array.from({ length: 1 + (i % 3) }, (_, s) => ({
      heading: s % 2 ? `Tiltak ${s}` : undefined,
      fields: Array.from(
        { length: 1 + (i % 4) },
        () => [text(2), text(1 + Math.floor(rnd() * (i % 5 === 0 ? 600 : 40)))] as [string, string],
      ),
    })),
  }));
}

/** Journal documents share glyphs and word layouts across documents, and every byte stays as pdfkit and fontkit alone make it. */
describe('fonts shared across journal documents (decision 102)', () => {
  const reference = new PdfJournalRenderer({ shareAcrossDocuments: false });

  it('renders byte for byte what the untouched libraries render, the first time and once the caches are warm', async () => {
    const docs = corpus(40);
    const shared = new PdfJournalRenderer();
    for (const round of [1, 2]) {
      for (const [i, d] of docs.entries()) {
        const [got, expected] = await Promise.all([shared.render(d), reference.render(d)]);
        if (!got.equals(expected)) throw new Error(`document ${i} differs in round ${round}`);
      }
    }
  });

  it('covers composite glyphs, whose parts are renumbered per document', () => {
    const font = inter(400) as unknown as { glyphForCodePoint(c: number): { _decode(): { numberOfContours: number } | null } };
    const composite = [...'ÅéüØ'].filter((c) => (font.glyphForCodePoint(c.codePointAt(0)!)._decode()?.numberOfContours ?? 0) < 0);
    expect(composite.length).toBeGreaterThan(0);
  });

  it('encodes a font program once for the glyphs a document uses, in their order, and as fontkit would', () => {
    const plain = inter(400);
    const shared = withSharedGlyphs(inter(400));
    type Subset = { includeGlyph(gid: number): number; encode(): Uint8Array };
    const encode = jest.spyOn(Object.getPrototypeOf(plain.createSubset()) as Subset, 'encode');
    const program = (font: typeof plain, text: string) => {
      const subset = font.createSubset() as unknown as Subset;
      for (const g of font.layout(text).glyphs) subset.includeGlyph(g.id);
      return Buffer.from(subset.encode());
    };
    for (const text of ['Åse ble', 'Åse ble', 'ble Åse']) expect(program(shared, text).equals(program(plain, text))).toBe(true);
    // Three programs through fontkit for the plain font, two for the shared one: "Åse ble" once.
    expect(encode).toHaveBeenCalledTimes(5);
    encode.mockRestore();
  });

  it('keeps the bytes when full tables of layouts and programs are replaced by empty ones', async () => {
    // A bare pdfkit document in both fonts, laid out with tables bound to a handful of words and two programs.
    const fonts = { regular: withSharedGlyphs(inter(400), 2), bold: withSharedGlyphs(inter(700), 2) };
    const plain = { regular: inter(400), bold: inter(700) };
    const layouts = new SharedLayouts(5);
    const render = async (f: typeof plain, share: boolean, text: string) => {
      const doc = new PDFDocument({
        font: null,
        compress: false,
        info: { CreationDate: new Date(0) },
      } as unknown as PDFKit.PDFDocumentOptions);
      doc.registerFont('Body', f.regular as unknown as Buffer);
      doc.registerFont('Bold', f.bold as unknown as Buffer);
      if (share) layouts.attach(doc, ['Bold', 'Body']);
      const done = pdfBytes(doc);
      doc.font('Bold').text(text.toUpperCase()).font('Body').text(text);
      doc.end();
      return done;
    };
    for (const d of corpus(6)) {
      const text = d.sections.flatMap((s) => s.fields.flat()).join(' ');
      expect((await render(fonts, true, text)).equals(await render(plain, false, text))).toBe(true);
    }
  });
});
