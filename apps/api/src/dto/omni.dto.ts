import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SUGGESTION_CODES, SuggestionCode } from '../../../../libs/workflow/src';
import { SettingsVersionDto } from './owner-settings.dto';
import { VersionedChangeDto } from './versioned-change.dto';

/** An Omni-trappa step, 1 (safe and inclusive) to 5 (parents take over the identification). */
export function StaircaseStepField(description: string) {
  return applyDecorators(ApiProperty({ minimum: 1, maximum: 5, description }), IsInt(), Min(1), Max(5));
}

export class GuidanceRuleDto {
  @StaircaseStepField('applies when the group stands at this Omni-trappa step or higher')
  whenStepAtLeast: 1 | 2 | 3 | 4 | 5;

  @ApiProperty({ isArray: true, enum: SUGGESTION_CODES })
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(SUGGESTION_CODES, { each: true })
  suggest: SuggestionCode[];
}

/** PUT /api/owners/{ownerId}/guidance: the owner's Omni decision support (policy). */
export class GuidanceDto extends VersionedChangeDto {
  @StaircaseStepField('plans get an FFSS warning from this step when no measure is stoppe or stotte')
  ffssWarningFromStep: 1 | 2 | 3 | 4 | 5;

  @ApiProperty({ type: [GuidanceRuleDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GuidanceRuleDto)
  rules: GuidanceRuleDto[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'BTI services a case can involve; the standard ones (ppt, helsestasjon, skolehelsetjeneste, barnevern, bup, other) are always kept, add your own',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9_-]{2,40}$/, { each: true, message: 'each btiServices entry must be 2–40 of a-z, 0-9, _ or -' })
  btiServices?: string[];
}

export class GuidanceViewDto extends IntersectionType(GuidanceDto, SettingsVersionDto) {}

export class StaircaseAssessmentDto {
  @StaircaseStepField('Omni-trappa: 1 safe and inclusive … 5 parents take over the identification')
  step: 1 | 2 | 3 | 4 | 5;

  @ApiProperty({ description: 'what the assessment rests on' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  basis: string;
}

export class StaircaseEntryDto extends StaircaseAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: String, description: 'the case it was assessed in, if any' }) caseId: string | null;
  @ApiProperty({ format: 'uuid' }) assessedBy: string;
  @ApiProperty() assessedAt: string;
}

export class GroupStaircaseDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) currentStep: number | null;
  @ApiProperty({ nullable: true, type: String }) currentLabel: string | null;
  @ApiProperty({ type: [StaircaseEntryDto] }) history: StaircaseEntryDto[];
}
