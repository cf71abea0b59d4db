import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { COMMAND_TYPES, CommandType } from '../../../../../libs/workflow/src';

/**
 * The body of POST /api/cases/{caseId}/commands, one class per command type. Each names its
 * fields and rules so a bad body gets a 422 per field. Rules that need the case (a child of the
 * case, the plan's five elements, a measure of the plan) are checked by the use case.
 */
const TEXT = 20000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CommandDto {
  @ApiProperty({ enum: COMMAND_TYPES })
  @IsIn(COMMAND_TYPES)
  type: CommandType;

  @ApiProperty({ minimum: 1, description: 'the case version the command was decided on (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

function Text(description: string) {
  return (target: object, key: string) => {
    ApiProperty({ description, maxLength: TEXT })(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(TEXT)(target, key);
  };
}

export class AcknowledgeDto extends CommandDto {}
export class ApprovePlanDto extends CommandDto {}
export class StartEvaluationDto extends CommandDto {}

export class MarkSeriousDto extends CommandDto {
  @Text('why the case is serious (alvorleg tilfelle)') reason: string;
}

export class AddNoteDto extends CommandDto {
  @ApiProperty({ enum: ['observation', 'intervention', 'conversation', 'other'] })
  @IsIn(['observation', 'intervention', 'conversation', 'other'])
  kind: 'observation' | 'intervention' | 'conversation' | 'other';

  @Text('what was observed, done or said') text: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class RecordChildVoiceDto extends CommandDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'required unless notHeardReason is given' })
  @ValidateIf((o: RecordChildVoiceDto) => !o.notHeardReason)
  @IsISO8601({ strict: true })
  heardAt?: string;

  @ApiPropertyOptional({ description: 'who talked with the child; required unless notHeardReason is given' })
  @ValidateIf((o: RecordChildVoiceDto) => !o.notHeardReason)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  heardBy?: string;

  @ApiPropertyOptional({ description: "the child's own view; required unless notHeardReason is given", maxLength: TEXT })
  @ValidateIf((o: RecordChildVoiceDto) => !o.notHeardReason)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  summary?: string;

  @ApiPropertyOptional({ description: 'why the child was not heard' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  notHeardReason?: string;

  @ApiPropertyOptional({ description: 'the child says the environment is not safe and good: measures become required' })
  @IsOptional()
  @IsBoolean()
  saysUnsafe?: boolean;
}

export class ConcludeInvestigationDto extends CommandDto {
  @ApiProperty({ enum: ['safe', 'not_safe'] })
  @IsIn(['safe', 'not_safe'])
  outcome: 'safe' | 'not_safe';

  @Text('what the investigation found') summary: string;
  @Text("the assessment of the child's best interest (barnets beste)") bestInterest: string;
}

export class PlanMeasureSchema {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ enum: ['fremme', 'forebygge', 'stoppe', 'stotte'] }) ffss?: string;
  @ApiProperty({ description: 'when the measure is carried out' }) when: string;
  @ApiProperty({ format: 'uuid' }) responsibleUserId: string;
  @ApiProperty({ format: 'date' }) evaluateAt: string;
}

export class PlanSchema {
  @ApiProperty({ description: 'the problem the measures shall solve' }) problem: string;
  @ApiProperty({ format: 'date', description: 'when the plan is evaluated' }) evaluateAt: string;
  @ApiProperty({ type: [PlanMeasureSchema], minItems: 1 }) measures: PlanMeasureSchema[];
  @ApiPropertyOptional() childParticipation?: string;
  @ApiPropertyOptional() parentsInvolved?: string;
}

export class SubmitPlanDto extends CommandDto {
  @ApiProperty({ type: PlanSchema, description: 'the five legal elements are checked field by field' })
  @IsObject()
  plan: Record<string, unknown>;
}

export class ReturnPlanDto extends CommandDto {
  @Text('what must change before approval') reason: string;
}

export class RecordMeasureDto extends CommandDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  measureId: string;

  @ApiProperty({ enum: ['done', 'not_done', 'ongoing'] })
  @IsIn(['done', 'not_done', 'ongoing'])
  status: 'done' | 'not_done' | 'ongoing';

  @Text('what was done') note: string;
}

export class EvaluateDto extends CommandDto {
  @ApiProperty({ enum: ['resolved', 'continue', 'revise'] })
  @IsIn(['resolved', 'continue', 'revise'])
  outcome: 'resolved' | 'continue' | 'revise';

  @Text('how the measures worked') summary: string;
  @Text("the child's own view of the situation now") childVoice: string;

  @ApiPropertyOptional({ format: 'date', description: 'required when outcome is continue' })
  @IsOptional()
  @Matches(DATE, { message: 'nextEvaluationAt must be a date YYYY-MM-DD' })
  nextEvaluationAt?: string;
}

export class CloseDto extends CommandDto {
  @Text('why the case can be closed') summary: string;
}

export class ReopenDto extends CommandDto {
  @Text('why the case is reopened') reason: string;
}

/** Staircase steps as a shared rule for the case command and the group endpoint. */
export class StaircaseAssessmentFields {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Omni-trappa step of the group: 1 safe and inclusive … 5 parents take over' })
  @IsInt()
  @Min(1)
  @Max(5)
  step: 1 | 2 | 3 | 4 | 5;

  @Text('what the assessment rests on (observations, surveys, conversations)') basis: string;
}

export class AssessStaircaseDto extends CommandDto {
  @ApiProperty({ format: 'uuid', description: 'a group (class, SFO group, department) of the case unit' })
  @IsUUID()
  groupId: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  step: 1 | 2 | 3 | 4 | 5;

  @Text('what the assessment rests on (observations, surveys, conversations)') basis: string;
}

export const COMMAND_DTOS: Record<CommandType, new () => CommandDto> = {
  ACKNOWLEDGE: AcknowledgeDto,
  MARK_SERIOUS: MarkSeriousDto,
  ADD_NOTE: AddNoteDto,
  RECORD_CHILD_VOICE: RecordChildVoiceDto,
  CONCLUDE_INVESTIGATION: ConcludeInvestigationDto,
  SUBMIT_PLAN: SubmitPlanDto,
  APPROVE_PLAN: ApprovePlanDto,
  RETURN_PLAN: ReturnPlanDto,
  RECORD_MEASURE: RecordMeasureDto,
  START_EVALUATION: StartEvaluationDto,
  EVALUATE: EvaluateDto,
  CLOSE: CloseDto,
  ASSESS_STAIRCASE: AssessStaircaseDto,
  REOPEN: ReopenDto,
};
