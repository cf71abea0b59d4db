import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionedChangeDto } from './versioned-change.dto';
import { Language, LANGUAGES } from '../../../../libs/cases/src/ports';

/** PUT /api/owners/{ownerId}/deadline-policy: the whole policy, based on the version read. */
export class DeadlinePolicyDto extends VersionedChangeDto {
  @ApiProperty({ example: '16:00', description: 'when a school day ends, Oslo time (HH:MM)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'schoolDayEndsAt must be a time HH:MM (00:00–23:59)' })
  schoolDayEndsAt: string;

  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(10) acknowledgeSchoolDays: number;
  @ApiProperty({ example: 2, description: 'hours; a staff-offence report is to be acknowledged "straks"' })
  @IsInt()
  @Min(1)
  @Max(24)
  acknowledgeStaffOffenceHours: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(30) investigationSchoolDays: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(30) planSchoolDays: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(20) approvalSchoolDays: number;
  @ApiProperty({ example: 1, description: '0 = no reminder' }) @IsInt() @Min(0) @Max(10) reminderSchoolDaysBefore: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(20) escalateToPrincipalSchoolDays: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(30) escalateToOwnerSchoolDays: number;
  @ApiProperty({ example: 14, description: 'BTI: decide at level 0 within this many calendar days' })
  @IsInt()
  @Min(1)
  @Max(90)
  btiDecisionDays: number;
  @ApiProperty({ example: 14, description: 'BTI: remind the coordinator this many calendar days before a consent expires' })
  @IsInt()
  @Min(0)
  @Max(90)
  consentExpiryReminderDays: number;
  @ApiProperty({ example: 10, description: 'PPT answers a request within this many school days' })
  @IsInt()
  @Min(1)
  @Max(60)
  pptAdviceSchoolDays: number;
}

export class SchoolHolidayDto {
  @ApiProperty({ example: '2027-10-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2027-10-08' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiProperty({ example: 'Haustferie' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only this unit; omit for every unit of the owner' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** POST /api/owners/{ownerId}/school-holidays: one or more ranges (a whole skolerute at once). */
export class SchoolHolidaysDto {
  @ApiProperty({ type: [SchoolHolidayDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SchoolHolidayDto)
  holidays: SchoolHolidayDto[];
}

/** What every versioned owner setting answers with besides its own fields. */
export class SettingsVersionDto {
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: "true while the owner keeps Trygg's defaults" }) isDefault: boolean;
  @ApiProperty({ nullable: true, type: String }) changedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) changedAt: string | null;
  @ApiProperty({ description: 'that this is policy, not law' }) notice: string;
}

export class DeadlinePolicyViewDto extends IntersectionType(DeadlinePolicyDto, SettingsVersionDto) {}

export class SchoolHolidayViewDto extends SchoolHolidayDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
}

/** PUT /api/owners/{ownerId}/language: the default language, based on the version read. */
export class OwnerLanguageDto extends VersionedChangeDto {
  @ApiProperty({ enum: LANGUAGES, description: 'bokmål (nb) or nynorsk (nn), for everyone who has not chosen' })
  @IsIn(LANGUAGES, { message: `defaultLanguage must be one of ${LANGUAGES.join(', ')}` })
  defaultLanguage: Language;
}

export class OwnerLanguageViewDto {
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: LANGUAGES }) defaultLanguage: Language;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ nullable: true, type: String }) changedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) changedAt: string | null;
}
