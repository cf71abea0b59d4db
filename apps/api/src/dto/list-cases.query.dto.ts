import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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
