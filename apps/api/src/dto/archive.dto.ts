import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /api/owners/{ownerId}/archive-deposits */
export class ArchiveDepositDto {
  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'first day (Oslo) the cases were closed' })
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ format: 'date', example: '2027-12-31', description: 'last day (Oslo) the cases were closed' })
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "only these of the owner's units; default all" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  unitIds?: string[];
}

export class JournalEntryDto {
  @ApiProperty({ format: 'uuid', description: 'the journalpost systemID' }) id: string;
  @ApiProperty({ example: '2027/42', description: 'journalår/journalsekvensnummer' }) journalNumber: string;
  @ApiProperty() journalYear: number;
  @ApiProperty() journalSeq: number;
  @ApiProperty({ enum: ['concern', 'investigation_conclusion', 'approved_plan', 'evaluation', 'owner_notification', 'sf_decision'] })
  kind: string;
  @ApiProperty({ example: 'Organinternt dokument for oppfølging' }) journalposttype: string;
  @ApiProperty({ description: 'never names the child (skjermet tittel)' }) title: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'the history entry (seq in the hash chain) the document is' }) eventSeq: number;
  @ApiProperty({ description: 'SHA-256 of the PDF/A document' }) sha256: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'false once retention erased the document (after it reached the archive)' }) documentAvailable: boolean;
  @ApiProperty({ example: 'Offl. § 13, jf. fvl. § 13 første ledd nr. 1' }) skjermingshjemmel: string;
  @ApiProperty({ type: String, nullable: true, description: "the archive service's own id, once it has the entry" }) archiveRef:
    string | null;
}

export class CaseJournalDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, nullable: true, example: '2027/17' }) caseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) depositedAt: string | null;
  @ApiProperty({ type: [JournalEntryDto] }) entries: JournalEntryDto[];
}
