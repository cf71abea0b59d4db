import { defineCommand } from './command.usecase';

/** Closes the case: after an investigation that found the child safe, or when the measures have worked. */
export const close = defineCommand({ type: 'CLOSE' });
