import { defineCommand } from './command.usecase';

/** The principal sends the plan back for changes, saying why. */
export const returnPlan = defineCommand({ type: 'RETURN_PLAN' });
