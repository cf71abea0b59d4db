import { defineCommand } from './command.usecase';

/**
 * A legal hold (e.g. a complaint, a lawsuit, a request from the police or Statsforvalteren) keeps
 * retention from anonymising the case until it is released. Placed and released by the owner,
 * on the record with the reason.
 */
export const placeLegalHold = defineCommand({
  type: 'PLACE_LEGAL_HOLD',
  check: (rec) => (rec.legalHold ? [{ field: 'reason', message: `the case is already on legal hold (${rec.legalHold})` }] : []),
  legalHold: (_rec, p) => p.reason,
});

export const releaseLegalHold = defineCommand({
  type: 'RELEASE_LEGAL_HOLD',
  check: (rec) => (rec.legalHold ? [] : [{ field: 'type', message: 'the case has no legal hold to release' }]),
  legalHold: () => null,
});
