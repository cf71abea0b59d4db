import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';
import { CommandDto, Text } from './command-base.dto';

/** A correction is a new entry beside the original; nothing is edited or deleted. */
export class CorrectEntryDto extends CommandDto<'CORRECT_ENTRY'> {
  @ApiProperty({ minimum: 1, description: 'the entry (history seq) to correct' })
  @IsInt()
  @Min(1)
  seq: number;

  @Text('why the entry is corrected') reason: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { text: 'Eva was pushed by two pupils, not three' },
    description: "the entry's fields with their corrected values: what was written (text, names) and the times people gave",
  })
  @IsObject()
  corrected: Record<string, unknown>;
}

export class PlaceLegalHoldDto extends CommandDto<'PLACE_LEGAL_HOLD'> {
  @Text('why the case must be kept (complaint, lawsuit, request from the police or Statsforvalteren)') reason: string;
}

export class ReleaseLegalHoldDto extends CommandDto<'RELEASE_LEGAL_HOLD'> {
  @Text('why the hold is no longer needed') reason: string;
}
