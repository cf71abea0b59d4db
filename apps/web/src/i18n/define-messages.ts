/**
 * One area's messages, bokmål and nynorsk side by side so a translator reads them together; the
 * catalogues (nb.ts, nn.ts) take each language's half. A pair cannot lose its nynorsk half.
 */
export function defineMessages<K extends string>(
  pairs: Record<K, readonly [nb: string, nn: string]>,
): {
  nb: Record<K, string>;
  nn: Record<K, string>;
} {
  const half = (i: 0 | 1) =>
    Object.fromEntries(Object.entries<readonly [string, string]>(pairs).map(([k, v]) => [k, v[i]])) as Record<K, string>;
  return { nb: half(0), nn: half(1) };
}
