/**
 * Free text as a concern's "Hva skjedde" is written: words of everyday Norwegian, each text other
 * letters in another order. A bench that opens every concern with the same text lets every cache a
 * render keeps hit (decision 109); people's texts differ. Plain words only: they go into JSON and
 * Lua strings as they are.
 */
export const FREE_TEXT_WORDS = (
  'eleven ble holdt utenfor i friminuttet igjen flere andre elever sa stygge ting på bussen hjem fra skolen ' +
  'mandag tirsdag onsdag torsdag fredag Kari Per Åse Øyvind Jonas gråt ville ikke gå ut etter gymtimen ' +
  'garderoben dyttet slo lo av henne ham meldinger på Snapchat (igjen), «du er teit» – 3 ganger!'
).split(' ');

/** Words in a text. */
export const FREE_TEXT_LENGTH = 25;

/** Text number `n`, the same every run. */
export function freeText(n: number): string {
  let seed = 1 + Math.abs(n);
  const next = () => (seed = (seed * 16807) % 2147483647) % FREE_TEXT_WORDS.length;
  return Array.from({ length: FREE_TEXT_LENGTH }, () => FREE_TEXT_WORDS[next()]).join(' ');
}
