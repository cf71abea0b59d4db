import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** A change to a versioned owner setting names the version it is based on; a stale one is 409. */
export class VersionedChangeDto {
  @ApiProperty({ minimum: 1, description: 'the version this change is based on (from GET); a stale one is 409' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
