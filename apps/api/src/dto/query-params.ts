import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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
