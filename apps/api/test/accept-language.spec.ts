import { languageOf } from '../src/http/accept-language';

/** The history's labels follow the reader's language: nynorsk only when it comes first. */
describe('Accept-Language', () => {
  it('reads Accept-Language: nynorsk only when it comes first', () => {
    expect(languageOf('nn, nb;q=0.8')).toBe('nn');
    expect(languageOf('no-nyn')).toBe('nn');
    expect(languageOf('nb, nn;q=0.8')).toBe('nb');
    expect(languageOf('en-GB,en;q=0.9')).toBe('nb');
    expect(languageOf(undefined)).toBe('nb');
  });
});
