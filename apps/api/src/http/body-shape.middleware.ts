import type { NextFunction, Request, Response } from 'express';
import { FieldError, InvalidInputError } from '../../../../libs/cases/src/errors';

/** No request of Trygg nests deeper than a plan's measures; 32 leaves room and stops stack exhaustion. */
export const MAX_BODY_DEPTH = 32;
/** Names that reach an object's prototype machinery when code reads them; no Trygg field has one. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Only names shaped like Trygg's own fields are repeated in an error: a key could be a child's name. */
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

export function fieldPath(segments: Array<string | number>): string {
  return segments.reduce<string>((path, s) => {
    if (typeof s === 'number') return `${path}[${s}]`;
    const name = FIELD_NAME.test(s) ? s : '(unnamed)';
    return path ? `${path}.${name}` : name;
  }, '') || '(body)';
}

/**
 * The shape every parsed JSON body must have before any code reads properties of it: bounded depth
 * and no reserved keys, at every level. Iterative, so a hostile body cannot exhaust the stack here.
 */
export function bodyShapeProblem(body: unknown): FieldError | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: body, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_BODY_DEPTH) return { field: fieldPath(path), message: `is nested deeper than ${MAX_BODY_DEPTH} levels` };
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (RESERVED.has(key)) return { field: fieldPath([...path, key]), message: 'is a reserved name (__proto__, constructor and prototype are not accepted)' };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

/** Runs right after the JSON parser, so every endpoint gets a 422 instead of a crash further in. */
export function bodyShapeGuard(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyShapeProblem(req.body);
  next(problem ? new InvalidInputError([problem]) : undefined);
}
