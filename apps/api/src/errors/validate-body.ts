import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldError, InvalidInputError } from '../../../../libs/cases/src/errors';

const UNKNOWN_PROPERTY = 'is not a property of this request (its name is not repeated: it may hold personal data)';

function flatten(errors: ValidationError[], root: string, prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) =>
      // The property is one the client made up, so its name is the client's text: never echo it.
      rule === 'whitelistValidation' ? { field: prefix || root, message: UNKNOWN_PROPERTY } : { field, message },
    );
    return [...own, ...flatten(e.children ?? [], root, field)];
  });
}

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/** Text PostgreSQL cannot store (jsonb and text refuse NUL): a 422 naming the field, never a 500. */
export function nulFields(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') return value.includes(NUL) ? [{ field: path || '(body)', message: NUL_MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulFields(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const field = path ? `${path}.${k}` : k;
      return k.includes(NUL) ? [{ field: field.replaceAll(NUL, '\\u0000'), message: NUL_MESSAGE }] : nulFields(v, field);
    });
  }
  return [];
}

/** Parses a JSON body (or a query string: root '(query)') into a DTO; any problem is a 422 naming each field and rule. */
export async function validateBody<T extends object>(cls: ClassConstructor<T>, body: unknown, root = '(body)'): Promise<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidInputError([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  const nul = nulFields(body);
  if (nul.length) throw new InvalidInputError(nul);
  const instance = plainToInstance(cls, body, { enableImplicitConversion: false });
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) throw new InvalidInputError(flatten(errors, root));
  return instance;
}
