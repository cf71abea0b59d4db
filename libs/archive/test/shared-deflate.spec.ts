import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { interOf, PdfJournalRenderer } from '../src/journal-document.pdf';
import { pdfBytes } from '../src/pdf-bytes';
import { SharedDeflate } from '../src/shared-deflate';

const concern = (what: string) => ({
  title: 'Bekymringsmelding',
  unitName: 'Demo skole',
  legalBasis: ['opplæringslova § 12-4'],
  at: new Date('2027-03-01T08:00:00Z'),
  author: 'Lærer Larsen (ansatt)',
  sections: [{ fields: [['Hva skjedde', what]] as [string, string][] }],
});

/** Compressed streams shared across documents (decision 105); shared-font.spec.ts compares whole renders with the libraries untouched. */
describe('streams compressed once for the process', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Renders `first`, then `next`: how many streams `next` compressed, and whether its bytes are the untouched libraries'. */
  async function afterAnother(first: string, next: string): Promise<{ compressed: number; same: boolean }> {
    const renderer = new PdfJournalRenderer();
    await renderer.render(concern(first));
    const deflate = jest.spyOn(zlib, 'deflateSync');
    const got = await renderer.render(concern(next));
    const compressed = deflate.mock.calls.length;
    deflate.mockRestore();
    const reference = await new PdfJournalRenderer({ shareAcrossDocuments: false }).render(concern(next));
    return { compressed, same: got.equals(reference) };
  }

  it('a document whose fonts and colour profile another one already had compresses only its page', async () => {
    // No glyph the first did not use, in the order it used them: the same subsets, another page.
    expect(await afterAnother('Eleven ble holdt utenfor.', 'Eleven ble holdt utenfor, holdt utenfor.')).toEqual({
      compressed: 1,
      same: true,
    });
  });

  it('shares the body font whatever letters of the alphabet the free text uses, in any order (decision 109)', async () => {
    const next = 'Øyvind (9) gråt: «Kari, Per og Åse sa stygge ting!» – 3 ganger, jf. § 12-4.';
    expect(await afterAnother('Eleven ble holdt utenfor.', next)).toEqual({ compressed: 1, same: true });
  });

  it('keeps the bytes when a full table is replaced by an empty one', async () => {
    const streams = new SharedDeflate(4096);
    const render = async (share: boolean, text: string) => {
      const doc = new PDFDocument({ font: null, info: { CreationDate: new Date(0) } } as unknown as PDFKit.PDFDocumentOptions);
      doc.registerFont('Body', interOf(400) as unknown as Buffer);
      if (share) streams.attach(doc);
      const done = pdfBytes(doc);
      doc.font('Body').text(text);
      doc.addPage().text(text.split('').reverse().join(''));
      doc.end();
      return done;
    };
    for (const text of ['Eleven ble holdt utenfor', 'Åse og Øyvind', 'Eleven ble holdt utenfor', '«sitat» – naïve']) {
      expect((await render(true, text)).equals(await render(false, text))).toBe(true);
    }
  });
});
