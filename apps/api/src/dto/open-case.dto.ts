import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export const SOURCES = ['staff_observation', 'child_told', 'parent_told', 'other'] as const;

/** POST /api/cases: a concern about one or more children (melding til rektor/styrer). */
export class OpenCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  childIds: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the class / SFO group / department' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @ApiProperty({ description: 'what was seen or heard', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  concern: string;

  @ApiProperty({ enum: SOURCES })
  @IsIn(SOURCES)
  source: (typeof SOURCES)[number];

  @ApiPropertyOptional({
    description:
      "the child (or parents on the child's behalf) said the environment is not safe and good: measures and a plan are then required whatever the investigation finds",
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  childSaysUnsafe?: boolean;

  @ApiPropertyOptional({ description: 'someone working there offends the child (§12-5 / bhl. §43)', default: false })
  @IsOptional()
  @IsBoolean()
  staffOffender?: boolean;

  @ApiPropertyOptional({ description: 'the offender is in the leadership: the case goes to the owner', default: false })
  @IsOptional()
  @IsBoolean()
  offenderIsLeadership?: boolean;

  @ApiPropertyOptional({ format: 'date-time', example: '2027-03-01T09:30:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
