import { defineCommand } from './command.usecase';

/** Documents an observation, intervention or conversation (the duty to document). */
export const addNote = defineCommand({ type: 'ADD_NOTE' });
