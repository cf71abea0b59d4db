import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { QueryBoolean, QueryCursor, QueryLimit } from './query-params';
import { CASE_STATES, CaseState } from '../../../../libs/workflow/src';

/** GET /api/cases query: filters and cursor pagination. */
export class ListCasesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState;

  @QueryBoolean('only cases with a deadline past due')
  overdue?: boolean;

  @QueryBoolean('only cases that are not closed')
  open?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  childId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the group's cases: its own, or about one of its children" })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'opened on or after this Oslo date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'opened on or before this Oslo date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @QueryCursor()
  cursor?: string;

  @QueryLimit(100, 20)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 500, description: "why you read (kept in the access log when an auditor's list is logged)" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;
}
