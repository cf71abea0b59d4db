import type { NextFunction, Request, Response } from 'express';
import { FieldError, InvalidInputError } from '../../../../libs/cases/src/errors';

/** No request of Trygg nests deeper than a plan's measures; 32 leaves room and stops stack exhaustion. */
export const MAX_BODY_DEPTH = 32;
/** Names that reach an object's prototype machinery when code reads them; no Trygg field has one. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Only names shaped like Trygg's own fields are repeated in an error: a key could be a child's name. */
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

export function fieldPath(segments: Array<string | number>): string {
  return (
    segments.reduce<string>((path, s) => {
      if (typeof s === 'number') return `${path}[${s}]`;
      const name = FIELD_NAME.test(s) || RESERVED.has(s) ? s : '(unnamed)';
      return path ? `${path}.${name}` : name;
    }, '') || '(body)'
  );
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
      if (RESERVED.has(key))
        return { field: fieldPath([...path, key]), message: 'is a reserved name (__proto__, constructor and prototype are not accepted)' };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'the request body is not valid JSON',
  'entity.too.large': 'the request body is larger than the API accepts (100 kB)',
  'encoding.unsupported': 'the request body has a content encoding the API does not accept',
  'charset.unsupported': 'the request body has a charset the API does not accept (use UTF-8)',
  'request.aborted': 'the request was aborted before its body arrived',
  'request.size.invalid': 'the request body is shorter or longer than its Content-Length',
};

/** A body the parser could not read, said in our words. */
export class UnreadableBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The JSON parser's own messages quote the body ("Unexpected token 'E', "Eva Nordma"..."), which
 * may hold a child's name; they are replaced before anything answers or logs them.
 */
export function bodyParseErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number };
  if (e && typeof e.type === 'string' && typeof e.status === 'number' && e.status < 500) {
    return next(new UnreadableBodyError(e.status, BODY_ERRORS[e.type] ?? 'the request body could not be read'));
  }
  next(err);
}

/** Runs right after the JSON parser, so every endpoint gets a 422 instead of a crash further in. */
export function bodyShapeGuard(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyShapeProblem(req.body);
  next(problem ? new InvalidInputError([problem]) : undefined);
}
