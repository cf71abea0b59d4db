import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { AnyCommandType, CASE_COMMAND_TYPES } from '../../../../../libs/cases/src/commands/command.usecase';

/**
 * The body of POST /api/cases/{caseId}/commands, one class per command type. Each names its
 * fields and rules so a bad body gets a 422 per field. Rules that need the case (a child of the
 * case, the plan's five elements, a measure of the plan) are checked by the use case.
 */
export const TEXT = 20000;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CommandDto<T extends AnyCommandType = AnyCommandType> {
  @ApiProperty({ enum: CASE_COMMAND_TYPES })
  @IsIn(CASE_COMMAND_TYPES)
  type: T;

  @ApiProperty({ minimum: 1, description: 'the case version the command was decided on (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

export function Text(description: string) {
  return (target: object, key: string) => {
    ApiProperty({ description, maxLength: TEXT })(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(TEXT)(target, key);
  };
}
