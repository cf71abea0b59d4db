import PDFDocument from 'pdfkit';
import { directOutput } from '../src/direct-output';
import { interOf } from '../src/journal-document.pdf';
import { pdfBytes } from '../src/pdf-bytes';

/** A bare document: two pages of text, a string outside Latin-1 in its information. */
function write(doc: PDFKit.PDFDocument, addFirstPage: boolean): void {
  doc.registerFont('Body', interOf(400) as unknown as Buffer);
  if (addFirstPage) doc.addPage();
  doc.font('Body').fontSize(11).text('Eleven ble holdt utenfor – «igjen», sa Åse.', { width: 300 });
  doc.fillColor('#444444').text('Øyvind gråt. '.repeat(40), { width: 200 });
  doc.addPage().text('Side to: naïve Ångström § 12-4', { width: 300 });
  doc.end();
}

const options = (compress: boolean, autoFirstPage: boolean) =>
  ({
    compress,
    autoFirstPage,
    font: null,
    info: { Title: 'Bekymringsmelding – Ω', CreationDate: new Date(Date.UTC(2027, 2, 1, 8)) },
  }) as unknown as PDFKit.PDFDocumentOptions;

/** Decision 109: a document's bytes gathered without pdfkit's stream are the bytes its stream gives. */
describe('a pdfkit document written directly', () => {
  it.each([true, false])('gives the bytes pdfkit streams (compressed: %s)', async (compress) => {
    const streamed = new PDFDocument(options(compress, true));
    const expected = pdfBytes(streamed);
    write(streamed, false);

    const direct = new PDFDocument(options(compress, false));
    const bytes = directOutput(direct);
    write(direct, true);

    expect(bytes().equals(await expected)).toBe(true);
  });

  it('refuses a document that is already read as a stream', () => {
    const doc = new PDFDocument(options(true, false));
    void pdfBytes(doc);
    expect(() => directOutput(doc)).toThrow('already read as a stream');
  });

  it('refuses to give the bytes of a document that has not ended', () => {
    const doc = new PDFDocument(options(true, false));
    const bytes = directOutput(doc);
    doc.addPage();
    expect(() => bytes()).toThrow('has not ended');
  });
});
