import { ApiProperty } from '@nestjs/swagger';

export class SupervisionTotalsDto {
  @ApiProperty() cases: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'the cases by the state they are in now: reported, investigating, planning, awaiting_approval, active, evaluating, closed',
    example: { investigating: 2, closed: 5 },
  })
  byState: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Tema 1: acknowledged, acknowledgedOnTime, investigatedOnTime, planOnTime, childVoiceOnRecord, plansWithFiveElements (ratios) and medianHours per step',
    example: { label: 'Tema 1: …', acknowledged: 3, acknowledgedOnTime: { yes: 2, of: 3 }, medianHours: { reportedToAcknowledged: 4.5 } },
  })
  dutyToAct: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Tema 2: cases, reportedImmediately, acknowledgedInTime, ownerInformed (ratios)',
  })
  staffOffence: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Tema 3: casesWithPlan, revisedPlans, evaluationsDue, evaluationsOnTime, evaluationsLate, evaluationsMissed',
  })
  measuresEvaluated: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Tema 4: casesWithOverdueNow, overdueItemsNow, escalatedToOwner, seriousCases, ownerInformedOfSerious',
  })
  ownerFollowUp: Record<string, unknown>;
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
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ unitId, unitName, regime, totals } per unit' }) units: Array<
    Record<string, unknown>
  >;
}
