import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  BTI_DECISIONS,
  BTI_EVALUATION_DECISIONS,
  BTI_SERVICES,
  BtiDecision,
  CONSENT_FORMS,
  DEESCALATION_LEVELS,
  ESCALATION_LEVELS,
  EVALUATION_LEVELS,
  PPT_ADVICE_PARTS,
} from '../../../../../libs/workflow/src';
import { CommandDto, Text } from './command-base.dto';

/** The BTI commands' bodies (docs/domain.md §4): levels, coordinator, consent, PPT, evaluation meetings. */
const SERVICE_HELP = `an outside service: ${BTI_SERVICES.join(', ')}`;

export class BtiDecideDto extends CommandDto<'BTI_DECIDE'> {
  @ApiProperty({ enum: BTI_DECISIONS })
  @IsIn(BTI_DECISIONS)
  decision: BtiDecision;

  @Text('why') reason: string;

  @ApiPropertyOptional({
    type: [String],
    description: `outside services taking part (${SERVICE_HELP}); each needs valid consent, barnevern excepted when reported`,
  })
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

export class BtiEscalateDto extends CommandDto<'BTI_ESCALATE'> {
  @ApiProperty({ enum: ESCALATION_LEVELS }) @IsIn(ESCALATION_LEVELS) toLevel: (typeof ESCALATION_LEVELS)[number];
  @Text('why') reason: string;
  @ApiPropertyOptional({ type: [String], description: SERVICE_HELP })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  services?: string[];
}

export class BtiDeescalateDto extends CommandDto<'BTI_DEESCALATE'> {
  @ApiProperty({ enum: DEESCALATION_LEVELS }) @IsIn(DEESCALATION_LEVELS) toLevel: (typeof DEESCALATION_LEVELS)[number];
  @Text('why') reason: string;
}

export class AssignCoordinatorDto extends CommandDto<'ASSIGN_COORDINATOR'> {
  @ApiProperty({ format: 'uuid', description: 'the new coordinator (stafettholder); the previous one stays responsible until they accept' })
  @IsUUID()
  userId: string;
}

export class AcceptCoordinationDto extends CommandDto<'ACCEPT_COORDINATION'> {}

export class RecordConsentDto extends CommandDto<'RECORD_CONSENT'> {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('who gave it (e.g. the parents with parental responsibility)') givenBy: string;
  @ApiProperty({ enum: CONSENT_FORMS, description: 'oral consent is recorded here' })
  @IsIn(CONSENT_FORMS)
  form: (typeof CONSENT_FORMS)[number];
  @Text('what may be shared, and for what') scope: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) givenAt: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it runs out; the coordinator is reminded before (policy: 14 days)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class RecordConsentRefusalDto extends CommandDto<'RECORD_CONSENT_REFUSAL'> {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('who refused') refusedBy: string;
}

export class WithdrawConsentDto extends CommandDto<'WITHDRAW_CONSENT'> {
  @ApiProperty({ description: SERVICE_HELP }) @IsString() @IsNotEmpty() service: string;
  @Text('why, as told') reason: string;
}

export class BtiEvaluateDto extends CommandDto<'BTI_EVALUATE'> {
  @ApiProperty({ type: [String], description: 'who took part in the evaluation meeting' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  participants: string[];

  @ApiProperty({ enum: BTI_EVALUATION_DECISIONS })
  @IsIn(BTI_EVALUATION_DECISIONS)
  decision: (typeof BTI_EVALUATION_DECISIONS)[number];

  @ApiPropertyOptional({ enum: EVALUATION_LEVELS, description: 'required for change_level' })
  @IsOptional()
  @IsIn(EVALUATION_LEVELS)
  toLevel?: (typeof EVALUATION_LEVELS)[number];

  @Text('what was decided and why') summary: string;
}

export class RequestPptDto extends CommandDto<'REQUEST_PPT'> {
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

export class PptAdviceDto extends CommandDto<'PPT_ADVICE'> {
  @Text("PPT's advice") text: string;

  @ApiPropertyOptional({ enum: PPT_ADVICE_PARTS, description: "evaluation: PPT's part in the evaluation" })
  @IsOptional()
  @IsIn(PPT_ADVICE_PARTS)
  part?: (typeof PPT_ADVICE_PARTS)[number];
}
