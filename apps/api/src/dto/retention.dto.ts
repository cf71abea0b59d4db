import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { VersionedChangeDto } from './versioned-change.dto';

/** PUT /api/owners/{ownerId}/retention */
export class RetentionDto extends VersionedChangeDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 100,
    description: "years after closing before a case is anonymised; null = never (the owner's arkivplan decides)",
  })
  @IsDefined({ message: 'retentionYears is required (a number of years, or null for never)' })
  @ValidateIf((o: RetentionDto) => o.retentionYears !== null)
  @IsInt()
  @Min(1)
  @Max(100)
  retentionYears: number | null;
}

export class RetentionViewDto {
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: Number }) retentionYears: number | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ nullable: true, type: String }) changedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) changedAt: string | null;
  @ApiProperty() notice: string;
}

export class RetentionPreviewDto {
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ nullable: true, type: Number }) retentionYears: number | null;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'cases closed before this are due' }) closedBefore:
    string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ caseId, unitId, closedAt }' }) due: Array<
    Record<string, string>
  >;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'due but kept: { caseId, unitId, closedAt, legalHold, code, reason }; code legal_hold, statsforvalteren (its case still open) or not_in_archive (no deposit or archive copy yet)',
  })
  blocked: Array<Record<string, string>>;
}

export class RetentionRunDto extends RetentionPreviewDto {
  @ApiProperty({ type: [String], description: 'the cases anonymised by this run' }) anonymised: string[];
}
