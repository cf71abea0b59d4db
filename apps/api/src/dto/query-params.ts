import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { InvalidInputError } from '../../../../libs/cases/src/errors';

/** Query strings arrive as text: these decorators read `true`/`false` and whole numbers, then validate. */
export function QueryBoolean(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}

export function QueryLimit(max: number, byDefault: number) {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: byDefault }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)),
    IsInt(),
    Min(1),
    Max(max),
  );
}

export function QueryCursor() {
  return applyDecorators(ApiPropertyOptional({ description: 'nextCursor from the previous page' }), IsOptional(), IsString());
}

/** `?purpose=` on case reads: why the reader looks, kept in the access log (docs/domain.md §7). */
export const PURPOSE_QUERY = {
  name: 'purpose',
  required: false,
  description: 'why you read the case (e.g. "tilsyn 2027", "klage fra foreldre"); kept in the access log',
  schema: { type: 'string', maxLength: 500 },
} as const;

export function purposeOf(raw: unknown): string | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > 500 || raw.includes('\u0000')) {
    throw new InvalidInputError([{ field: 'purpose', message: 'must be one text of at most 500 characters, without NUL characters' }]);
  }
  return raw.trim() || null;
}
