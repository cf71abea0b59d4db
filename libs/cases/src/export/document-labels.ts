/**
 * Codes as Trygg's archive documents word them in bokmål (the archive's written form): the case
 * file and the journal's documents say the same thing the same way.
 */
export const SOURCE_LABELS: Record<string, string> = {
  staff_observation: 'ansatt observerte',
  child_told: 'barnet fortalte',
  parent_told: 'foreldre fortalte',
  other: 'annet',
};

/** Outcomes and decisions. */
export const OUTCOME_LABELS: Record<string, string> = {
  safe: 'trygt og godt',
  not_safe: 'ikke trygt og godt',
  resolved: 'løst',
  continue: 'fortsetter',
  revise: 'ny plan',
  done: 'gjennomført',
  not_done: 'ikke gjennomført',
  ongoing: 'pågår',
  change_level: 'endre nivå',
  close: 'avslutt',
};
