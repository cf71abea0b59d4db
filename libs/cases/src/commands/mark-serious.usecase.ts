import { defineCommand } from './command.usecase';

/** A serious case (alvorleg tilfelle): the principal reports it to the owner (§12-4 / §42). */
export const markSerious = defineCommand({ type: 'MARK_SERIOUS' });
