import { entryLabel } from '../src/history/entry-labels';

/** History entries in bokmål by default, in nynorsk when the reader asks for it first. */
describe('entry labels', () => {
  it('labels in bokmål unless nynorsk is asked for', () => {
    expect(entryLabel('RECORD_CHILD_VOICE')).toBe('Barnets stemme dokumentert');
    expect(entryLabel('RECORD_CHILD_VOICE', 'nn')).toBe('Stemma til barnet dokumentert');
    expect(entryLabel('CASE_OPENED', 'nn')).toBe('Melde frå: bekymring meld til rektor/styrar');
    expect(entryLabel('SOMETHING_NEW', 'nn')).toBe('SOMETHING_NEW');
  });
});
