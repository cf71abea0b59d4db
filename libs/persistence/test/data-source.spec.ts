import { createDataSource } from '../src/data-source';

/** The pool's settings as pg-pool reads them, without connecting. */
const poolOf = (opts: Parameters<typeof createDataSource>[1]) =>
  (createDataSource('postgres://trygg:secret@127.0.0.1:1/trygg', opts).options as { extra: Record<string, unknown> }).extra;

describe('createDataSource', () => {
  it("leaves idle connections to pg-pool's 10 s, and keeps them when asked (the worker, decision 108)", () => {
    expect(poolOf({ poolSize: 5 })).toEqual({ max: 5, options: '-c jit=off' });
    expect(poolOf({ poolSize: 5, keepIdleConnections: true })).toEqual({ max: 5, options: '-c jit=off', idleTimeoutMillis: 0 });
  });
});
