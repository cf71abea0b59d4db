import { DeadlineKindOf, StartDeadline } from './deadline-kinds';
import { Actor, Leadership } from './roles';
import { IsoDate } from './oslo-time';
import { Regime } from './regime';

/**
 * Statsforvalteren's enforcement (handhevingsordning, opplæringslova §12-6; docs/domain.md §3): for
 * schools only. Pupils or parents may report a case once it has been raised with the rektor and a
 * week has passed (unless there are special grounds); Statsforvalteren decides what the school
 * must do by when, and the owner answers for it (§12-8 tvangsmulkt).
 */
export type EnforcementState = 'not_raised' | 'raised' | 'reported' | 'decided' | 'complied' | 'duty_met';

export interface SfDecision {
  decidedAt: string;
  requirements: string[];
  deadline: IsoDate | null;
  recordedAt: string;
}

export interface EnforcementContext {
  regime: Regime;
  handledBy: Leadership;
  raisedAt: string | null;
  /** Set by Trygg when parents brought the concern to the rektor; otherwise recorded by the school. */
  raisedAutomatically: boolean;
  reportedAt: string | null;
  /** Særlege grunnar: why Statsforvalteren took the case before the week had passed. */
  specialGrounds: string | null;
  decisions: SfDecision[];
  compliances: Array<{ compliedAt: string; summary: string; recordedAt: string }>;
}

interface Base {
  actor: Actor;
  /** When the command was received. */
  at: string;
}

export type EnforcementEvent =
  | (Base & { type: 'RAISED_WITH_PRINCIPAL'; raisedAt: string; automatic?: boolean })
  | (Base & { type: 'REPORTED_TO_STATSFORVALTEREN'; reportedAt: string; specialGrounds?: string })
  | (Base & { type: 'SF_DECISION'; decidedAt: string; requirements: string[]; deadline?: IsoDate })
  | (Base & { type: 'SF_COMPLIANCE'; compliedAt: string; summary: string });

export type EnforcementCommandType = EnforcementEvent['type'];

export type EnforcementEffect =
  StartDeadline<DeadlineKindOf<'enforcement'>> | { type: 'meetDeadlines'; kinds: Array<DeadlineKindOf<'enforcement'>> };

/** One week (opplæringslova §12-6 second paragraph), in milliseconds. */
export const ONE_WEEK_MS = 7 * 86_400_000;
