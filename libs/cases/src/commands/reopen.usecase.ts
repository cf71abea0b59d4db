import { defineCommand } from './command.usecase';

/** Reopens a closed case; all history is kept and a new investigation starts. */
export const reopen = defineCommand({ type: 'REOPEN' });
