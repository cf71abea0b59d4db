import { bodyShapeProblem, fieldPath, MAX_BODY_DEPTH } from '../src/http/body-shape.middleware';

describe('bodyShapeProblem', () => {
  const deep = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };

  it('accepts ordinary bodies, scalars and nesting up to the limit', () => {
    expect(bodyShapeProblem({ type: 'SUBMIT_PLAN', plan: { measures: [{ id: 'm1' }] } })).toBeUndefined();
    expect(bodyShapeProblem(null)).toBeUndefined();
    expect(bodyShapeProblem('text')).toBeUndefined();
    expect(bodyShapeProblem(deep(MAX_BODY_DEPTH))).toBeUndefined();
  });

  it('refuses one level more, at any size, without recursion', () => {
    expect(bodyShapeProblem(deep(MAX_BODY_DEPTH + 1))).toMatchObject({ message: expect.stringMatching(/nested deeper than 32/) });
    expect(bodyShapeProblem(deep(100_000))).toMatchObject({ message: expect.stringMatching(/nested deeper/) });
  });

  it('refuses reserved keys at every level, naming where', () => {
    expect(bodyShapeProblem({ unitId: { constructor: 1 } })).toEqual({
      field: 'unitId.constructor',
      message: expect.stringMatching(/reserved name/),
    });
    expect(bodyShapeProblem({ childIds: [{ prototype: 1 }] })).toMatchObject({ field: 'childIds[0].prototype' });
    expect(bodyShapeProblem(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toMatchObject({ field: 'a.__proto__' });
  });

  it('never repeats a key that could be a name', () => {
    expect(fieldPath(['Eva Nordmann', 'constructor'])).toBe('(unnamed).constructor');
    expect(fieldPath(['plan', 'measures', 2, 'ffss'])).toBe('plan.measures[2].ffss');
    expect(fieldPath([])).toBe('(body)');
  });
});
