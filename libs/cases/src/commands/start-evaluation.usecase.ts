import { defineCommand } from './command.usecase';

/** Starts evaluating the measures (also started by the worker on the evaluation date). */
export const startEvaluation = defineCommand({ type: 'START_EVALUATION' });
