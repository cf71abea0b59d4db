import { ApiProperty } from '@nestjs/swagger';

/** `yes` of `of` cases where the question applies. */
export class RatioDto {
  @ApiProperty() yes: number;
  @ApiProperty() of: number;
}

const hours = { nullable: true, type: Number, description: 'median hours, over the cases that got that far' };

export class StepHoursDto {
  @ApiProperty(hours) occurredToReported: number | null;
  @ApiProperty(hours) reportedToAcknowledged: number | null;
  @ApiProperty(hours) acknowledgedToConcluded: number | null;
  @ApiProperty(hours) concludedToPlanApproved: number | null;
  @ApiProperty(hours) planApprovedToFirstEvaluation: number | null;
}

/** Tema 1: the duty to act, step by step. */
export class DutyToActTotalsDto {
  @ApiProperty({ example: 'Tema 1: …' }) label: string;
  @ApiProperty() acknowledged: number;
  @ApiProperty({ type: RatioDto }) acknowledgedOnTime: RatioDto;
  @ApiProperty({ type: RatioDto }) investigatedOnTime: RatioDto;
  @ApiProperty({ type: RatioDto }) planOnTime: RatioDto;
  @ApiProperty({ type: RatioDto }) childVoiceOnRecord: RatioDto;
  @ApiProperty({ type: RatioDto }) plansWithFiveElements: RatioDto;
  @ApiProperty({ type: StepHoursDto }) medianHours: StepHoursDto;
}

/** Tema 2: a staff member offending (opplæringslova § 12-5, barnehageloven § 43). */
export class StaffOffenceTotalsDto {
  @ApiProperty() label: string;
  @ApiProperty() cases: number;
  @ApiProperty({ type: RatioDto }) reportedImmediately: RatioDto;
  @ApiProperty({ type: RatioDto }) acknowledgedInTime: RatioDto;
  @ApiProperty({ type: RatioDto }) ownerInformed: RatioDto;
}

/** Tema 3: plans and their evaluations. */
export class MeasuresEvaluatedTotalsDto {
  @ApiProperty() label: string;
  @ApiProperty() casesWithPlan: number;
  @ApiProperty() revisedPlans: number;
  @ApiProperty() evaluationsDue: number;
  @ApiProperty() evaluationsOnTime: number;
  @ApiProperty() evaluationsLate: number;
  @ApiProperty() evaluationsMissed: number;
}

/** Tema 4: the owner's own follow-up. */
export class OwnerFollowUpTotalsDto {
  @ApiProperty() label: string;
  @ApiProperty() casesWithOverdueNow: number;
  @ApiProperty() overdueItemsNow: number;
  @ApiProperty() escalatedToOwner: number;
  @ApiProperty() seriousCases: number;
  @ApiProperty({ type: RatioDto }) ownerInformedOfSerious: RatioDto;
}

export class SupervisionTotalsDto {
  @ApiProperty() cases: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'the cases by the state they are in now: reported, investigating, planning, awaiting_approval, active, evaluating, closed',
    example: { investigating: 2, closed: 5 },
  })
  byState: Record<string, number>;
  @ApiProperty({ type: DutyToActTotalsDto }) dutyToAct: DutyToActTotalsDto;
  @ApiProperty({ type: StaffOffenceTotalsDto }) staffOffence: StaffOffenceTotalsDto;
  @ApiProperty({ type: MeasuresEvaluatedTotalsDto }) measuresEvaluated: MeasuresEvaluatedTotalsDto;
  @ApiProperty({ type: OwnerFollowUpTotalsDto }) ownerFollowUp: OwnerFollowUpTotalsDto;
}

/** One unit's totals in the owner's report. */
export class OwnerUnitTotalsDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['school', 'kindergarten'] }) regime: string;
  @ApiProperty({ type: SupervisionTotalsDto }) totals: SupervisionTotalsDto;
}

export class UnitSupervisionDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['school', 'kindergarten'] }) regime: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() policyNote: string;
  @ApiProperty({ type: SupervisionTotalsDto }) totals: SupervisionTotalsDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      "per case: dutyToAct (times of each step, hours between, on time, child's voice, five elements), staffOffence, measuresEvaluated, ownerFollowUp",
  })
  cases: Array<Record<string, unknown>>;
}

export class OwnerSupervisionDto {
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() policyNote: string;
  @ApiProperty({ type: SupervisionTotalsDto, description: 'across all units' }) totals: SupervisionTotalsDto;
  @ApiProperty({ type: [OwnerUnitTotalsDto], description: 'per unit' }) units: OwnerUnitTotalsDto[];
}
