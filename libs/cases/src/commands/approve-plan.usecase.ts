import { defineCommand } from './command.usecase';

/** The principal approves the plan; measures start and their evaluation dates become deadlines. */
export const approvePlan = defineCommand({ type: 'APPROVE_PLAN' });
