import { Ffss, PlanInput } from './duty-to-act.types';
import { BTI_SERVICES } from './bti.types';

/**
 * The Omni model (docs/domain.md §5). Omni-trappa describes a GROUP (class, SFO group, kindergarten
 * department), never a child: 1 is the good state, higher is worse. FFSS tags each measure.
 * Everything derived here is decision support the owner configures — never presented as law.
 */
export type StaircaseStep = 1 | 2 | 3 | 4 | 5;

export const STAIRCASE_LABELS: Record<StaircaseStep, string> = {
  1: 'Trygt, godt og inkluderende miljø',
  2: 'Normflyttende tendens',
  3: 'Normalisering av normbrytende atferd',
  4: 'Mobbeatferd og kollektiv legitimering',
  5: 'Foreldre overtar identifiseringen',
};

export const SUGGESTION_CODES = ['MARK_SERIOUS', 'BTI_LEVEL_2_OR_HIGHER', 'INVOLVE_PPT', 'ADD_STOPPE_OR_STOTTE_MEASURE'] as const;
export type SuggestionCode = (typeof SUGGESTION_CODES)[number];

export interface GuidanceRule {
  /** The rule applies when the group stands at this step or higher. */
  whenStepAtLeast: StaircaseStep;
  suggest: SuggestionCode[];
}

/** The owner's guidance (policy, versioned like the deadline policy). */
export interface Guidance {
  version: number;
  /** A plan for a case whose group stands at this step or higher needs a stoppe or stotte measure, or gets a warning. */
  ffssWarningFromStep: StaircaseStep;
  rules: GuidanceRule[];
  /** Outside services a BTI case can involve: the standard list plus the owner's own. */
  btiServices: string[];
}

export const DEFAULT_GUIDANCE: Guidance = Object.freeze({
  version: 1,
  ffssWarningFromStep: 3,
  rules: [{ whenStepAtLeast: 4, suggest: ['MARK_SERIOUS', 'BTI_LEVEL_2_OR_HIGHER'] }],
  btiServices: [...BTI_SERVICES],
}) as Guidance;

export const SUGGESTION_TEXT: Record<SuggestionCode, string> = {
  MARK_SERIOUS: 'Vurder å melde saken som alvorlig til eier (MARK_SERIOUS)',
  BTI_LEVEL_2_OR_HIGHER: 'Vurder BTI nivå 2 eller høyere, med stafettholder',
  INVOLVE_PPT: 'Vurder å involvere PPT',
  ADD_STOPPE_OR_STOTTE_MEASURE: 'Vurder tiltak som stopper krenkelsene eller støtter barnet',
};

export interface Suggestion {
  code: SuggestionCode;
  text: string;
  /** Which rule of the owner's guidance gave it; always policy, never law. */
  basis: string;
  /** The staircase step from which that rule applies. */
  fromStep: StaircaseStep;
}

export interface SuggestionFacts {
  staircaseStep: number | null;
  serious: boolean;
  btiLevel: number;
  closed: boolean;
}

/** The owner's guidance applied to a case now. Suggestions vanish when what they suggest is done. */
export function suggestionsFor(facts: SuggestionFacts, guidance: Guidance): Suggestion[] {
  if (facts.closed || facts.staircaseStep === null) return [];
  const step = facts.staircaseStep;
  const out = new Map<SuggestionCode, Suggestion>();
  for (const rule of guidance.rules) {
    if (step < rule.whenStepAtLeast) continue;
    for (const code of rule.suggest) {
      if (code === 'MARK_SERIOUS' && facts.serious) continue;
      if (code === 'BTI_LEVEL_2_OR_HIGHER' && facts.btiLevel >= 2) continue;
      if (!out.has(code))
        out.set(code, {
          code,
          text: SUGGESTION_TEXT[code],
          basis: `owner guidance: Omni-trappa step ${rule.whenStepAtLeast} or higher (policy)`,
          fromStep: rule.whenStepAtLeast,
        });
    }
  }
  return [...out.values()];
}

export interface PlanWarning {
  code: 'FFSS_NO_STOPPE_OR_STOTTE';
  message: string;
  basis: string;
}

const STOPPING: ReadonlySet<Ffss> = new Set(['stoppe', 'stotte']);

/** A plan accepted with a warning: the group stands high on the staircase and nothing stops or supports. */
export function ffssWarnings(plan: PlanInput, staircaseStep: number | null, guidance: Guidance): PlanWarning[] {
  if (staircaseStep === null || staircaseStep < guidance.ffssWarningFromStep) return [];
  if (plan.measures.some((m) => m.ffss && STOPPING.has(m.ffss))) return [];
  return [
    {
      code: 'FFSS_NO_STOPPE_OR_STOTTE',
      message: `The group stands at Omni-trappa step ${staircaseStep}; the plan has no measure that stops the offences (stoppe) or supports the child (stotte).`,
      basis: `owner guidance: warn from step ${guidance.ffssWarningFromStep} (policy, decision support)`,
    },
  ];
}
