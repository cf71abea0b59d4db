import { CaseState } from '../../workflow/src';

/** Use-case errors; the API turns each into an RFC 9457 problem. */
export interface FieldError {
  field: string;
  message: string;
}

export class InvalidInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/** Not found, or not visible to this user: the two are never told apart. */
export class NotFoundError extends Error {}

export class ForbiddenError extends Error {
  constructor(
    readonly detail: string,
    readonly missing?: string,
  ) {
    super(detail);
  }
}

export class ConflictError extends Error {
  constructor(
    readonly detail: string,
    readonly currentState: CaseState,
    readonly version: number,
    readonly allowedCommands: string[],
  ) {
    super(detail);
  }
}

/** A settings change based on a version that is no longer current (two people editing at once). */
export class StaleVersionError extends Error {
  constructor(
    readonly detail: string,
    readonly currentVersion: number,
  ) {
    super(detail);
  }
}
