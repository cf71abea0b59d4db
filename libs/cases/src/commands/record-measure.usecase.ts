import { defineCommand } from './command.usecase';

/** Documents that a measure was carried out (or not). */
export const recordMeasure = defineCommand({
  type: 'RECORD_MEASURE',
  check: (rec, p) =>
    rec.snapshot.context.plan?.measures.some((m) => m.id === p.measureId)
      ? []
      : [{ field: 'measureId', message: 'must be a measure of the current plan' }],
});
