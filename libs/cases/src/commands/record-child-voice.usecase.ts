import { defineCommand } from './command.usecase';

/** Puts the child's own view on record, or why the child was not heard. */
export const recordChildVoice = defineCommand({
  type: 'RECORD_CHILD_VOICE',
  check: (rec, p) =>
    rec.childIds.includes(p.childId) ? [] : [{ field: 'childId', message: 'must be one of the children in this case' }],
});
