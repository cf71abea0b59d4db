import { defineCommand } from './command.usecase';

/** The principal confirms the report is received; the investigation starts (§12-4 / §42). */
export const acknowledge = defineCommand({ type: 'ACKNOWLEDGE' });
