import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsISO8601, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { BTI_SERVICES } from '../../../../../libs/workflow/src';
import { StaircaseStepField } from '../omni.dto';
import { AnyCommandType } from '../../../../../libs/cases/src/commands/command.usecase';
import { CommandDto, DATE, Text, TEXT } from './command-base.dto';
import { CorrectEntryDto, PlaceLegalHoldDto, ReleaseLegalHoldDto } from './record.dtos';
import { RaisedWithPrincipalDto, ReportedToStatsforvalterenDto, SfComplianceDto, SfDecisionDto } from './statsforvalteren.dtos';

export { CommandDto } from './command-base.dto';

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
  @ApiProperty({ enum: ['fremme', 'forebygge', 'stoppe', 'stotte'], description: 'Omni FFSS: promote, prevent, stop, support' }) ffss: string;
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

export class AssessStaircaseDto extends CommandDto {
  @ApiProperty({ format: 'uuid', description: 'a group (class, SFO group, department) of the case unit' })
  @IsUUID()
  groupId: string;

  @StaircaseStepField('Omni-trappa step of the group: 1 safe and inclusive … 5 parents take over')
  step: 1 | 2 | 3 | 4 | 5;

  @Text('what the assessment rests on (observations, surveys, conversations)') basis: string;
}

// BTI (domain.md §4): levels, coordinator, consent, evaluation meetings.

const SERVICE_HELP = `an outside service: ${BTI_SERVICES.join(', ')}`;

export class BtiDecideDto extends CommandDto {
  @ApiProperty({ enum: ['close', 'level1', 'level2', 'level3'] })
  @IsIn(['close', 'level1', 'level2', 'level3'])
  decision: 'close' | 'level1' | 'level2' | 'level3';

  @Text('why') reason: string;

  @ApiPropertyOptional({ type: [String], description: `outside services taking part (${SERVICE_HELP}); each needs valid consent, barnevern excepted when reported` })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  services?: string[];

  @ApiPropertyOptional({ description: 'level 3 about care at home: reported to barnevern (no consent needed)' })
  @IsOptional()
  @IsBoolean()
  barnevernReported?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  @ValidateIf((o: BtiDecideDto) => o.barnevernReported === true)
  @IsISO8601({ strict: true })
  barnevernReportedAt?: string;
}

export class BtiEscalateDto extends CommandDto {
  @ApiProperty({ enum: [2, 3] }) @IsIn([2, 3]) toLevel: 2 | 3;
  @Text('why') reason: string;
  @ApiPropertyOptional({ type: [String], description: SERVICE_HELP }) @IsOptional() @IsArray() @IsString({ each: true }) services?: string[];
}

export class BtiDeescalateDto extends CommandDto {
  @ApiProperty({ enum: [1, 2] }) @IsIn([1, 2]) toLevel: 1 | 2;
  @Text('why') reason: string;
}

export class AssignCoordinatorDto extends CommandDto {
  @ApiProperty({ format: 'uuid', description: 'the new coordinator (stafettholder); the previous one stays responsible until they accept' })
  @IsUUID()
  userId: string;
}

export class AcceptCoordinationDto extends CommandDto {}

export class RecordConsentDto extends CommandDto {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('who gave it (e.g. the parents with parental responsibility)') givenBy: string;
  @ApiProperty({ enum: ['written', 'oral'], description: 'oral consent is recorded here' }) @IsIn(['written', 'oral']) form: 'written' | 'oral';
  @Text('what may be shared, and for what') scope: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) givenAt: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it runs out; the coordinator is reminded before (policy: 14 days)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class RecordConsentRefusalDto extends CommandDto {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('who refused') refusedBy: string;
}

export class WithdrawConsentDto extends CommandDto {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('why, as told') reason: string;
}

export class BtiEvaluateDto extends CommandDto {
  @ApiProperty({ type: [String], description: 'who took part in the evaluation meeting' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  participants: string[];

  @ApiProperty({ enum: ['continue', 'change_level', 'close'] })
  @IsIn(['continue', 'change_level', 'close'])
  decision: 'continue' | 'change_level' | 'close';

  @ApiPropertyOptional({ enum: [1, 2, 3], description: 'required for change_level' })
  @IsOptional()
  @IsIn([1, 2, 3])
  toLevel?: 1 | 2 | 3;

  @Text('what was decided and why') summary: string;
}

export class RequestPptDto extends CommandDto {
  @Text('what the school asks PPT') question: string;

  @ApiProperty({ description: 'anonymous: PPT sees no child identity, only anonymousSummary; otherwise valid consent for ppt is required' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ description: 'required when anonymous: the case without names, ids or identifying details' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  anonymousSummary?: string;
}

export class PptAdviceDto extends CommandDto {
  @Text("PPT's advice") text: string;

  @ApiPropertyOptional({ enum: ['advice', 'evaluation'], description: "evaluation: PPT's part in the evaluation" })
  @IsOptional()
  @IsIn(['advice', 'evaluation'])
  part?: 'advice' | 'evaluation';
}

export const COMMAND_DTOS: Record<AnyCommandType, new () => CommandDto> = {
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
  BTI_DECIDE: BtiDecideDto,
  BTI_ESCALATE: BtiEscalateDto,
  BTI_DEESCALATE: BtiDeescalateDto,
  ASSIGN_COORDINATOR: AssignCoordinatorDto,
  ACCEPT_COORDINATION: AcceptCoordinationDto,
  RECORD_CONSENT: RecordConsentDto,
  RECORD_CONSENT_REFUSAL: RecordConsentRefusalDto,
  WITHDRAW_CONSENT: WithdrawConsentDto,
  BTI_EVALUATE: BtiEvaluateDto,
  REQUEST_PPT: RequestPptDto,
  PPT_ADVICE: PptAdviceDto,
  REOPEN: ReopenDto,
  RAISED_WITH_PRINCIPAL: RaisedWithPrincipalDto,
  REPORTED_TO_STATSFORVALTEREN: ReportedToStatsforvalterenDto,
  SF_DECISION: SfDecisionDto,
  SF_COMPLIANCE: SfComplianceDto,
  CORRECT_ENTRY: CorrectEntryDto,
  PLACE_LEGAL_HOLD: PlaceLegalHoldDto,
  RELEASE_LEGAL_HOLD: ReleaseLegalHoldDto,
};
