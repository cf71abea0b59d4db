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

  it('a document whose fonts and colour profile another one already had compresses only its page', async () => {
    const renderer = new PdfJournalRenderer();
    const reference = new PdfJournalRenderer({ shareAcrossDocuments: false });
    await renderer.render(concern('Eleven ble holdt utenfor.'));
    const deflate = jest.spyOn(zlib, 'deflateSync');
    // No glyph the first did not use, in the order it used them: the same subsets, another page.
    const next = concern('Eleven ble holdt utenfor, holdt utenfor.');
    const got = await renderer.render(next);
    expect(deflate).toHaveBeenCalledTimes(1);
    deflate.mockClear();
    expect(got.equals(await reference.render(next))).toBe(true);
    expect(deflate.mock.calls.length).toBeGreaterThan(3);
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
