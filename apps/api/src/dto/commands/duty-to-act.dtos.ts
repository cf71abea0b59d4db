import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsISO8601,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  EVALUATION_OUTCOMES,
  EvaluationOutcome,
  FFSS,
  INVESTIGATION_OUTCOMES,
  InvestigationOutcome,
  MEASURE_STATUSES,
  MeasureStatus,
  NOTE_KINDS,
  NoteKind,
  PlanInput,
} from '../../../../../libs/workflow/src';
import { StaircaseStepField } from '../omni.dto';
import { CommandDto, DATE, Text, TEXT } from './command-base.dto';

/** The duty-to-act commands' bodies (opplæringslova §12-4, barnehageloven §42). */
export class AcknowledgeDto extends CommandDto<'ACKNOWLEDGE'> {}
export class ApprovePlanDto extends CommandDto<'APPROVE_PLAN'> {}
export class StartEvaluationDto extends CommandDto<'START_EVALUATION'> {}

export class MarkSeriousDto extends CommandDto<'MARK_SERIOUS'> {
  @Text('why the case is serious (alvorleg tilfelle)') reason: string;
}

export class AddNoteDto extends CommandDto<'ADD_NOTE'> {
  @ApiProperty({ enum: NOTE_KINDS })
  @IsIn(NOTE_KINDS)
  kind: NoteKind;

  @Text('what was observed, done or said') text: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class RecordChildVoiceDto extends CommandDto<'RECORD_CHILD_VOICE'> {
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

export class ConcludeInvestigationDto extends CommandDto<'CONCLUDE_INVESTIGATION'> {
  @ApiProperty({ enum: INVESTIGATION_OUTCOMES })
  @IsIn(INVESTIGATION_OUTCOMES)
  outcome: InvestigationOutcome;

  @Text('what the investigation found') summary: string;
  @Text("the assessment of the child's best interest (barnets beste)") bestInterest: string;
}

export class PlanMeasureSchema {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: FFSS, description: 'Omni FFSS: promote, prevent, stop, support' }) ffss: string;
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

export class SubmitPlanDto extends CommandDto<'SUBMIT_PLAN'> {
  @ApiProperty({ type: PlanSchema, description: 'the five legal elements are checked field by field' })
  @IsObject()
  // Typed as the plan; the SUBMIT_PLAN hook checks it field by field (planViolations) before the machine sees it.
  plan: PlanInput;
}

export class ReturnPlanDto extends CommandDto<'RETURN_PLAN'> {
  @Text('what must change before approval') reason: string;
}

export class RecordMeasureDto extends CommandDto<'RECORD_MEASURE'> {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  measureId: string;

  @ApiProperty({ enum: MEASURE_STATUSES })
  @IsIn(MEASURE_STATUSES)
  status: MeasureStatus;

  @Text('what was done') note: string;
}

export class EvaluateDto extends CommandDto<'EVALUATE'> {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES)
  outcome: EvaluationOutcome;

  @Text('how the measures worked') summary: string;
  @Text("the child's own view of the situation now") childVoice: string;

  @ApiPropertyOptional({ format: 'date', description: 'required when outcome is continue' })
  @IsOptional()
  @Matches(DATE, { message: 'nextEvaluationAt must be a date YYYY-MM-DD' })
  nextEvaluationAt?: string;
}

export class CloseDto extends CommandDto<'CLOSE'> {
  @Text('why the case can be closed') summary: string;
}

export class ReopenDto extends CommandDto<'REOPEN'> {
  @Text('why the case is reopened') reason: string;
}

export class AssessStaircaseDto extends CommandDto<'ASSESS_STAIRCASE'> {
  @ApiProperty({ format: 'uuid', description: 'a group (class, SFO group, department) of the case unit' })
  @IsUUID()
  groupId: string;

  @StaircaseStepField('Omni-trappa step of the group: 1 safe and inclusive … 5 parents take over')
  step: 1 | 2 | 3 | 4 | 5;

  @Text('what the assessment rests on (observations, surveys, conversations)') basis: string;
}
