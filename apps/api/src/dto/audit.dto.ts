import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_KINDS } from '../../../../libs/cases/src/ports/access-log.port';

/** GET /api/cases/{caseId}/verify */
export class VerificationDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'every link, hash and unerased content matches' }) valid: boolean;
  @ApiProperty({ description: 'how many events the chain has' }) events: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the first event that does not match; null when valid' }) firstBrokenSeq:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: 'what did not match there' }) problem: string | null;
  @ApiProperty({ description: 'events whose personal content retention erased (their hashes still verify)' }) erasedContents: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'hash of the last event: write it down to prove later that nothing was appended',
  })
  lastHash: string | null;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'auditor' }) role: string;
  @ApiProperty({ enum: ACCESS_KINDS })
  kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'export format, refused command, …' }) detail: string | null;
  @ApiProperty({ nullable: true, type: String }) purpose: string | null;
}

/** GET /api/cases/{caseId}/access-log */
export class AccessLogDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: [AccessLogEntryDto] }) entries: AccessLogEntryDto[];
}
