import { entryLabel, languageOf } from '../src/history/entry-labels';

/** History entries in bokmål by default, in nynorsk when the reader asks for it first. */
describe('entry labels', () => {
  it('labels in bokmål unless nynorsk is asked for', () => {
    expect(entryLabel('RECORD_CHILD_VOICE')).toBe('Barnets stemme dokumentert');
    expect(entryLabel('RECORD_CHILD_VOICE', 'nn')).toBe('Stemma til barnet dokumentert');
    expect(entryLabel('CASE_OPENED', 'nn')).toBe('Melde frå: bekymring meld til rektor/styrar');
    expect(entryLabel('SOMETHING_NEW', 'nn')).toBe('SOMETHING_NEW');
  });

  it('reads Accept-Language: nynorsk only when it comes first', () => {
    expect(languageOf('nn, nb;q=0.8')).toBe('nn');
    expect(languageOf('no-nyn')).toBe('nn');
    expect(languageOf('nb, nn;q=0.8')).toBe('nb');
    expect(languageOf('en-GB,en;q=0.9')).toBe('nb');
    expect(languageOf(undefined)).toBe('nb');
  });
});
