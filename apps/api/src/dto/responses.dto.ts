import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATES, DEADLINE_KINDS, SUGGESTION_CODES } from '../../../../libs/workflow/src';
import { CASE_COMMAND_TYPES } from '../../../../libs/cases/src/commands/command.usecase';
import { PlanSchema } from './commands/command-dtos';

/** Response shapes, for the OpenAPI document only (the use cases return plain objects). */
export class ProblemDto {
  @ApiProperty({ example: 'https://trygg.no/problems/conflict' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({
    description: '422: each invalid field and rule',
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
  })
  errors?: Array<{ field: string; message: string }>;
  @ApiPropertyOptional({ enum: CASE_STATES, description: '409' }) currentState?: string;
  @ApiPropertyOptional({ description: '409' }) version?: number;
  @ApiPropertyOptional({ enum: CASE_COMMAND_TYPES, isArray: true, description: '409: what you may send now' }) allowedCommands?: string[];
}

export class SuggestionDto {
  @ApiProperty({ enum: SUGGESTION_CODES }) code: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'the rule of the owner guidance that gave it' }) basis: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'the staircase step from which that rule applies' }) fromStep: number;
}

export class ConsentViewDto {
  @ApiProperty({ example: 'ppt' }) service: string;
  @ApiProperty({ enum: ['given', 'withdrawn', 'refused'] }) status: 'given' | 'withdrawn' | 'refused';
  @ApiProperty({ nullable: true, type: String, enum: ['written', 'oral'] }) form: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'what may be shared, and for what (free text); null for PPT asked anonymously',
  })
  scope: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) givenAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt: string | null;
  @ApiProperty({ description: 'given, not withdrawn and not expired now' }) valid: boolean;
}

export class BtiViewDto {
  @ApiProperty({ enum: [0, 1, 2, 3], description: 'the BTI responsibility level' }) level: 0 | 1 | 2 | 3;
  @ApiProperty({ enum: ['level0', 'level1', 'level2', 'level3', 'closed'] }) state: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the stafettholder' }) coordinator: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'assigned, not yet accepted (the coordinator stays responsible)',
  })
  pendingCoordinator: string | null;
  @ApiProperty({ type: [String], description: 'the services taking part' }) services: string[];
  @ApiProperty({ type: [ConsentViewDto] }) consents: ConsentViewDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) barnevernReportedAt: string | null;
}

export class PptViewDto {
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() question: string;
  @ApiProperty({ description: 'PPT sees no child identity, only the anonymous summary' }) anonymous: boolean;
  @ApiProperty({ nullable: true, type: String }) anonymousSummary: string | null;
}

export class PlanWarningDto {
  @ApiProperty({ enum: ['FFSS_NO_STOPPE_OR_STOTTE'] }) code: string;
  @ApiProperty() message: string;
  @ApiProperty() basis: string;
}

export class EscalationDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'escalated to the principal if still overdue then (policy)',
  })
  toPrincipalAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'escalated to the owner if still overdue then (policy)' })
  toOwnerAt: string | null;
  @ApiProperty({ type: [String], description: 'users it has been escalated to; it shows in their tasks' }) escalatedTo: string[];
}

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: 'measure id for measure_evaluation' }) ref: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: ['pending', 'met', 'overdue', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responsibleUserId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the responsible person is reminded (policy)' })
  reminderAt: string | null;
  @ApiProperty({ type: EscalationDto }) escalation: EscalationDto;
}

export class PlanVersionDto extends PlanSchema {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['submitted', 'approved', 'returned', 'superseded'] }) status: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'uuid' }) submittedBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) returnedReason: string | null;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: '2027/17', description: 'the case number in the archive (saksår/sekvensnummer)' })
  caseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when a deposit to the archive took the case' })
  depositedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['school', 'kindergarten'] }) regime: string;
  @ApiProperty({ type: [String], example: ['opplæringslova §12-4'] }) legalBasis: string[];
  @ApiProperty({ enum: CASE_STATES }) state: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) groupId: string | null;
  @ApiProperty({ type: [String] }) childIds: string[];
  @ApiProperty({ enum: ['staff_observation', 'child_told', 'parent_told', 'other'] }) source: string;
  @ApiProperty() concern: string;
  @ApiProperty() serious: boolean;
  @ApiProperty() ownerNotified: boolean;
  @ApiProperty({ enum: ['principal', 'owner'] }) handledBy: string;
  @ApiProperty() childSaysUnsafe: boolean;
  @ApiProperty() staffOffender: boolean;
  @ApiProperty() offenderIsLeadership: boolean;
  @ApiProperty({ type: [String], description: 'children whose voice (or why not heard) is on record' }) childVoiceOnRecord: string[];
  @ApiProperty({ type: String, enum: ['safe', 'not_safe'], nullable: true }) investigationOutcome: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "Omni-trappa step of the case's group (or its children's groups, the highest)",
  })
  staircaseStep: number | null;
  @ApiProperty({ type: [SuggestionDto], description: "the owner's guidance applied now (decision support, policy)" })
  suggestions: SuggestionDto[];
  @ApiPropertyOptional({ type: [PlanWarningDto], description: 'only in the response to the command that caused them (SUBMIT_PLAN: FFSS)' })
  warnings?: PlanWarningDto[];
  @ApiProperty({ type: BtiViewDto, description: 'BTI: the level (0–3), the stafettholder, the services taking part and their consents' })
  bti: BtiViewDto;
  @ApiProperty({
    nullable: true,
    type: PptViewDto,
    description: "PPT's part once asked (REQUEST_PPT). In anonymous mode PPT sees no child identity",
  })
  ppt: PptViewDto | null;
  @ApiProperty({
    nullable: true,
    description:
      "Statsforvalteren's enforcement (opplæringslova §12-6), schools only (null for kindergartens): state not_raised | raised | reported | decided | complied | duty_met, raisedAt, earliestReportAt (one week after), reportedAt, specialGrounds, decisions, compliances",
    example: {
      state: 'raised',
      raisedAt: '2027-03-01T09:30:00+01:00',
      raisedAutomatically: true,
      earliestReportAt: '2027-03-08T09:30:00+01:00',
      reportedAt: null,
      specialGrounds: null,
      decisions: [],
      compliances: [],
    },
  })
  enforcement: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: 'why retention must keep the case (legal hold); null when none' }) legalHold:
    string | null;
  @ApiProperty({ nullable: true, format: 'date-time', type: String, description: 'when retention anonymised the case' }) anonymisedAt:
    string | null;
  @ApiProperty({ type: PlanVersionDto, nullable: true }) plan: PlanVersionDto | null;
  @ApiProperty({ type: [PlanVersionDto] }) planVersions: PlanVersionDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['done', 'not_done', 'ongoing'] } }) measureStatus: Record<
    string,
    string
  >;
  @ApiProperty({ type: String, format: 'date', nullable: true }) nextEvaluationAt: string | null;
  @ApiProperty({ type: [DeadlineDto] }) deadlines: DeadlineDto[];
  @ApiProperty({ enum: CASE_COMMAND_TYPES, isArray: true }) allowedCommands: string[];
  @ApiProperty({ format: 'uuid' }) openedBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items: CaseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class EventDto {
  @ApiProperty() seq: number;
  @ApiProperty({ example: 'ACKNOWLEDGE' }) type: string;
  @ApiProperty({
    example: 'Melding bekreftet mottatt, undersøkelse startet',
    description: 'the entry in words (bokmål), as in the case file',
  })
  label: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    nullable: true,
    type: 'object',
    description:
      "who acted, by name; role 'system' (userId null) when Trygg acted on a date: reminders, overdue, escalation, evaluation start",
    properties: { userId: { type: 'string', nullable: true }, role: { type: 'string' }, name: { type: 'string', nullable: true } },
    required: ['userId', 'role', 'name'],
  })
  actor: { userId: string | null; role: string; name: string | null } | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the entry as written; erased text reads '[anonymisert]'" })
  payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: "the entry's link in the hash chain (SHA-256, hex)" }) hash: string;
  @ApiProperty({ description: 'retention erased its personal content' }) contentErased: boolean;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'corrections of this entry (CORRECT_ENTRY), shown beside it: { seq, at, actor, reason, corrected }',
  })
  corrections: Array<Record<string, unknown>>;
}

export class TaskDto extends DeadlineDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: CASE_STATES }) caseState: string;
  @ApiProperty({ example: 'Acknowledge the report (bekreft mottatt melding)' }) what: string;
  @ApiProperty() overdue: boolean;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() name: string;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['school', 'kindergarten'] }) kind: string;
  @ApiProperty({ type: [GroupDto] }) groups: GroupDto[];
}

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['staff', 'principal'] }) role: 'staff' | 'principal';
}

export class ChildDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) groupId: string | null;
  @ApiProperty() name: string;
}

export class RoleGrantDto {
  @ApiProperty({ enum: ['staff', 'principal', 'owner', 'ppt', 'auditor'] }) role: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ type: [RoleGrantDto] }) roles: RoleGrantDto[];
  @ApiProperty({ type: [UnitDto] }) units: UnitDto[];
}
