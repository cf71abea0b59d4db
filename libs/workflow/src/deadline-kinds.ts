import { IsoDate } from './oslo-time';

/**
 * Every kind of deadline Trygg keeps, one row each (docs/architecture.md, "Adding a deadline
 * kind"): which machine starts it, who must meet it, which ladder of steps follows it, whether
 * it outlives the school's case, and what the responsible person is told to do. The numbers are
 * the owner's policy (deadline-policy.ts), never the law's.
 */
export interface DeadlineKindRow {
  machine: 'dutyToAct' | 'bti' | 'enforcement';
  /**
   * `leader`: whoever leads the case. `measure_responsible`: the person the plan names for the
   * measure (the effect carries the id). `coordinator_or_leader`: the BTI stafettholder when there
   * is one. `ppt_service`: the owner's PPT.
   */
  responsible: 'leader' | 'measure_responsible' | 'coordinator_or_leader' | 'ppt_service';
  /**
   * The steps around the due date (deadline-schedule.ts). `case_work`: remind, overdue, escalate to
   * the principal, then the owner. `evaluation_date`: the same, and the evaluation starts on the
   * day itself. `consent`: remind in calendar days before it runs out, then expired; nothing
   * escalates. `owner_at_once`: the owner answers (opplæringslova §12-8), so it is told when overdue.
   */
  ladder: 'case_work' | 'evaluation_date' | 'consent' | 'owner_at_once';
  /** Closing the school's case cancels it, unless it belongs to a decision outside the school. */
  survivesClosing: boolean;
  /** What the responsible person must do, as their task list says it. */
  task: string;
}

export const DEADLINE_KIND_TABLE = {
  acknowledge: {
    machine: 'dutyToAct',
    responsible: 'leader',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Acknowledge the report (bekreft mottatt melding)',
  },
  investigation: {
    machine: 'dutyToAct',
    responsible: 'leader',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Conclude the investigation (undersøk saken)',
  },
  plan: {
    machine: 'dutyToAct',
    responsible: 'leader',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Make and get approved a written plan (aktivitetsplan)',
  },
  approval: {
    machine: 'dutyToAct',
    responsible: 'leader',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Approve or return the submitted plan',
  },
  measure_evaluation: {
    machine: 'dutyToAct',
    responsible: 'measure_responsible',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Evaluate the measure you are responsible for',
  },
  plan_evaluation: {
    machine: 'dutyToAct',
    responsible: 'leader',
    ladder: 'evaluation_date',
    survivesClosing: false,
    task: 'Evaluate the plan with the child (evaluering)',
  },
  /** BTI: decide at level 0 (policy: 14 days). */
  bti_decision: {
    machine: 'bti',
    responsible: 'leader',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'Decide the BTI level (nivå 0: avslutt, nivå 1, 2 eller 3)',
  },
  /** BTI: a consent runs out (ref = the service); the coordinator is reminded before. */
  consent_expiry: {
    machine: 'bti',
    responsible: 'coordinator_or_leader',
    ladder: 'consent',
    survivesClosing: false,
    task: 'A consent (samtykke) to share with a service runs out: renew it or stop sharing',
  },
  /** PPT gives its advice after being asked (policy: 10 school days). */
  ppt_advice: {
    machine: 'bti',
    responsible: 'ppt_service',
    ladder: 'case_work',
    survivesClosing: false,
    task: 'PPT: give your advice on the case (PPT_ADVICE)',
  },
  /** Statsforvalteren's decision sets what the school must do by when (opplæringslova §12-6). */
  sf_compliance: {
    machine: 'enforcement',
    responsible: 'leader',
    ladder: 'owner_at_once',
    survivesClosing: true,
    task: "Carry out Statsforvalteren's decision (vedtak) by its deadline and record it (SF_COMPLIANCE)",
  },
} as const satisfies Record<string, DeadlineKindRow>;

export type DeadlineKind = keyof typeof DEADLINE_KIND_TABLE;
export const DEADLINE_KINDS = Object.keys(DEADLINE_KIND_TABLE) as DeadlineKind[];

/** The kinds a machine may start: its effects are typed with these, so a row names its machine truly. */
export type DeadlineKindOf<M extends DeadlineKindRow['machine']> = {
  [K in DeadlineKind]: (typeof DEADLINE_KIND_TABLE)[K]['machine'] extends M ? K : never;
}[DeadlineKind];

export function deadlineKind(kind: DeadlineKind): DeadlineKindRow {
  return DEADLINE_KIND_TABLE[kind];
}

/** The school's own work, which closing the case ends. */
export const CASE_WORK_DEADLINES = DEADLINE_KINDS.filter((k) => !DEADLINE_KIND_TABLE[k].survivesClosing);

/** How a due date is computed; the planner turns a basis plus the policy and calendar into an instant. */
export type DeadlineBasis =
  | { rule: 'acknowledge' }
  | { rule: 'acknowledge_staff_offence' }
  | { rule: 'investigation' }
  | { rule: 'plan' }
  | { rule: 'approval' }
  | { rule: 'on_date'; date: IsoDate }
  | { rule: 'bti_decision' }
  | { rule: 'on_instant'; at: string }
  | { rule: 'ppt_advice' };

/** A deadline a machine starts: its kind, what it is about (`ref`), and how its due date is found. */
export interface StartDeadline<K extends DeadlineKind = DeadlineKind> {
  type: 'startDeadline';
  kind: K;
  ref: string;
  basis: DeadlineBasis;
  /** Only for `measure_responsible` kinds: the person the plan names. */
  responsibleUserId?: string;
}

/** For exhaustive switches over the table's fields: a new value nobody handles is a compile error naming it. */
export function unhandled(value: never): never {
  throw new Error(`unhandled value ${String(value)}`);
}
