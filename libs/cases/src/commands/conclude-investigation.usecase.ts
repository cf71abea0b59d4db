import { defineCommand } from './command.usecase';

/** Ends the investigation: not_safe leads to measures and a plan, safe closes the case. */
export const concludeInvestigation = defineCommand({ type: 'CONCLUDE_INVESTIGATION' });
