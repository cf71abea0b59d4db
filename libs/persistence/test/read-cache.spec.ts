import { ReadCache } from '../src/read-cache/read-cache';

/** The read cache's rules, without a database: what it keeps, for how long, and what it refuses to keep. */
describe('ReadCache', () => {
  let live = true;
  let clock = 0;
  const make = (ttl = 1_000) =>
    new ReadCache(
      () => live,
      ttl,
      () => clock,
    );
  beforeEach(() => {
    live = true;
    clock = 0;
  });

  it('serves a read again until its bound, then reads anew', async () => {
    const cache = make();
    let reads = 0;
    const load = async () => ({ n: ++reads });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    clock = 999;
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    clock = 1_000;
    expect(await cache.get('k', load)).toEqual({ n: 2 });
  });

  it('keeps nothing while changes cannot be heard, and never keeps an absent row', async () => {
    const cache = make();
    let reads = 0;
    live = false;
    await cache.get('k', async () => ++reads);
    await cache.get('k', async () => ++reads);
    expect(reads).toBe(2);
    live = true;
    await cache.get('gone', async () => (reads++, undefined));
    await cache.get('gone', async () => (reads++, undefined));
    expect(reads).toBe(4);
  });

  it('does not keep a read that began before a change', async () => {
    const cache = make();
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = () => r('old'))));
    cache.clear();
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('hands out frozen values, so no caller can change what others are served', async () => {
    const cache = make();
    const v = await cache.get('k', async () => ({ list: [{ name: 'Demo skole' }] }));
    expect(() => v.list.push({ name: 'x' })).toThrow(TypeError);
    expect(() => ((v.list[0] as { name: string }).name = 'x')).toThrow(TypeError);
  });

  it('is off with a bound of 0', async () => {
    const cache = make(0);
    let reads = 0;
    await cache.get('k', async () => ++reads);
    await cache.get('k', async () => ++reads);
    expect(reads).toBe(2);
  });
});
