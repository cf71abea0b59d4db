import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CommandDto, DATE, Text, TEXT } from './command-base.dto';

/** Statsforvalteren (opplæringslova §12-6), schools only. `at` is when it happened. */
function At(description: string) {
  return (target: object, key: string) => {
    ApiProperty({ format: 'date-time', description })(target, key);
    IsISO8601({ strict: true })(target, key);
  };
}

export class RaisedWithPrincipalDto extends CommandDto<'RAISED_WITH_PRINCIPAL'> {
  @At('when the pupil or parents raised the case with the rektor personally (set by Trygg when parents report to the rektor)') at: string;
}

export class ReportedToStatsforvalterenDto extends CommandDto<'REPORTED_TO_STATSFORVALTEREN'> {
  @At('when the case was reported to Statsforvalteren; one week after raising at the earliest') at: string;

  @ApiPropertyOptional({ maxLength: TEXT, description: 'særlege grunnar: why Statsforvalteren took the case before the week had passed' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  specialGrounds?: string;
}

export class SfDecisionDto extends CommandDto<'SF_DECISION'> {
  @At('the date of the decision (vedtak)') at: string;

  @ApiProperty({ type: [String], description: 'what the school must do; empty when Statsforvalteren found the duty met' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(TEXT, { each: true })
  requirements: string[];

  @ApiPropertyOptional({ format: 'date', description: 'by when (required with requirements); overdue goes straight to the owner' })
  @IsOptional()
  @Matches(DATE, { message: 'deadline must be a date (YYYY-MM-DD)' })
  deadline?: string;
}

export class SfComplianceDto extends CommandDto<'SF_COMPLIANCE'> {
  @At('when the requirements were carried out') at: string;
  @Text('what the school did to comply') summary: string;
}
