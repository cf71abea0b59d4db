import { nb } from '../src/i18n/nb';
import { nn } from '../src/i18n/nn';

/** The two catalogues: the same keys, none empty, and the same `{placeholders}` in each message. */
describe('message catalogues', () => {
  // `{Child}` and `{child}` are one word, capitalised where a sentence starts: word order differs between the languages.
  const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].toLowerCase()))].sort();

  it('nynorsk has exactly the keys of bokmål', () => {
    expect(Object.keys(nn).sort()).toEqual(Object.keys(nb).sort());
  });

  it('no message is empty in either language', () => {
    for (const [key, text] of [...Object.entries(nb), ...Object.entries(nn)])
      expect({ key, empty: !text.trim() }).toEqual({ key, empty: false });
  });

  it('each message fills the same names in both languages', () => {
    for (const key of Object.keys(nb) as Array<keyof typeof nb>)
      expect({ key, names: placeholders(nn[key]) }).toEqual({ key, names: placeholders(nb[key]) });
  });
});
