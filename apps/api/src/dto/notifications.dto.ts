import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: [
      'owner_informed',
      'case_acknowledged',
      'deadline_reminder',
      'deadline_overdue',
      'deadline_escalated',
      'evaluation_started',
      'omni_assessment_due',
    ],
  })
  kind: string;
  @ApiProperty() message: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String }) groupId: string | null;
  @ApiProperty({ nullable: true, type: String }) deadlineId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() read: boolean;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'sent', 'skipped', 'failed'] }) email: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
