import type { Worker } from 'node:worker_threads';
import { PdfJournalRenderer } from '../src/journal-document.pdf';
import { ThreadedJournalRenderer } from '../src/threaded-journal.renderer';

const doc = (title: string) => ({
  title,
  unitName: 'Demo skole',
  legalBasis: ['opplæringslova § 12-4'],
  at: new Date('2027-03-01T08:00:00Z'),
  author: 'Rektor Ruud (leder)',
  sections: [{ heading: 'Tiltak 1', fields: [['Problemet', 'Holdt utenfor – «alltid» i friminuttene. ÆØÅ æøå.'] as [string, string]] }],
});

/** The renderer on threads gives the bytes the renderer itself gives, and survives a thread that dies. */
describe('ThreadedJournalRenderer', () => {
  const direct = new PdfJournalRenderer();
  let threaded: ThreadedJournalRenderer;
  beforeAll(() => (threaded = new ThreadedJournalRenderer(2)));
  afterAll(() => threaded.close());

  it('renders byte for byte what the renderer renders, also many at once', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `Melding til rektor ${i}`);
    const expected = await Promise.all(titles.map((t) => direct.render(doc(t))));
    const got = await Promise.all(titles.map((t) => threaded.render(doc(t))));
    got.forEach((pdf, i) => expect(pdf.equals(expected[i])).toBe(true));
    expect(got[0].subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fails the renders of a thread that dies, and renders again with a new one', async () => {
    const threads = (threaded as unknown as { threads: Array<{ worker: Worker }> }).threads;
    // Long documents (hundreds of pages), so the threads are still at them when they die.
    const long = {
      ...doc('lang'),
      sections: Array.from({ length: 3000 }, (_, i) => ({ fields: [[`Felt ${i}`, 'tekst '.repeat(40)] as [string, string]] })),
    };
    const pending = Promise.all([threaded.render(long), threaded.render(long)]);
    await Promise.all(threads.map((t) => t.worker.terminate()));
    await expect(pending).rejects.toThrow(/journal render thread/);
    const pdf = await threaded.render(doc('Melding til rektor 0'));
    expect(pdf.equals(await direct.render(doc('Melding til rektor 0')))).toBe(true);
  });
});
