import { AnyCommandType, CommandHooks } from './command.usecase';
import { BTI_HOOKS } from './bti.usecases';
import { DUTY_TO_ACT_HOOKS } from './duty-to-act.usecases';
import { ENFORCEMENT_HOOKS } from './enforcement.usecases';
import { RECORD_HOOKS } from './record.usecases';

/**
 * Who may send a command, besides what the machine allows in the case's state (docs/domain.md §6):
 * - `leader`: whoever leads the case (the principal, or the owner when the leadership offends);
 * - `participant`: staff involved in the case, and the leader;
 * - `measure_responsible`: the person the plan names for a measure, and the leader;
 * - `bti_coordinator`: the BTI stafettholder, and the leader;
 * - `assigned_coordinator`: the person assigned as stafettholder, to accept;
 * - `leader_or_owner`: the leader or the owner, who answers to Statsforvalteren for its schools;
 * - `owner`: the owner (it answers for archiving and retention);
 * - `ppt`: the PPT service the case was referred to.
 */
export type WhoMayRun =
  'leader' | 'participant' | 'measure_responsible' | 'bti_coordinator' | 'assigned_coordinator' | 'leader_or_owner' | 'owner' | 'ppt';

export interface CaseCommand {
  who: WhoMayRun;
  /** The history entry in the words a principal or a supervisor reads (bokmål). */
  label: string;
  /** A step of the duty to act: listed in the case file's duty timeline. */
  duty?: true;
}

/**
 * Every command a case takes, one row each (docs/architecture.md, "Adding a command"). A command
 * of any machine without a row here does not compile; its hooks, when it needs any, sit in the
 * machine's `*.usecases.ts`.
 */
export const CASE_COMMANDS: Record<AnyCommandType, CaseCommand> = {
  ACKNOWLEDGE: { who: 'leader', label: 'Melding bekreftet mottatt, undersøkelse startet', duty: true },
  MARK_SERIOUS: { who: 'leader', label: 'Alvorlig sak: meldt til eier', duty: true },
  ADD_NOTE: { who: 'participant', label: 'Notat (observasjon, inngripen, samtale)' },
  RECORD_CHILD_VOICE: { who: 'participant', label: 'Barnets stemme dokumentert', duty: true },
  CONCLUDE_INVESTIGATION: { who: 'leader', label: 'Undersøkelse avsluttet', duty: true },
  SUBMIT_PLAN: { who: 'participant', label: 'Aktivitetsplan levert', duty: true },
  APPROVE_PLAN: { who: 'leader', label: 'Aktivitetsplan godkjent', duty: true },
  RETURN_PLAN: { who: 'leader', label: 'Aktivitetsplan sendt tilbake', duty: true },
  RECORD_MEASURE: { who: 'measure_responsible', label: 'Tiltak gjennomført/fulgt opp', duty: true },
  START_EVALUATION: { who: 'participant', label: 'Evaluering startet', duty: true },
  EVALUATE: { who: 'leader', label: 'Tiltakene evaluert', duty: true },
  CLOSE: { who: 'leader', label: 'Saken avsluttet', duty: true },
  REOPEN: { who: 'leader', label: 'Saken gjenåpnet', duty: true },
  ASSESS_STAIRCASE: { who: 'participant', label: 'Omni-trappa vurdert' },

  BTI_DECIDE: { who: 'leader', label: 'BTI: nivå besluttet' },
  BTI_ESCALATE: { who: 'leader', label: 'BTI: nivå hevet' },
  BTI_DEESCALATE: { who: 'leader', label: 'BTI: nivå senket' },
  ASSIGN_COORDINATOR: { who: 'leader', label: 'BTI: stafettholder utpekt' },
  ACCEPT_COORDINATION: { who: 'assigned_coordinator', label: 'BTI: stafettholder har tatt over' },
  RECORD_CONSENT: { who: 'bti_coordinator', label: 'Samtykke registrert' },
  RECORD_CONSENT_REFUSAL: { who: 'bti_coordinator', label: 'Samtykke nektet' },
  WITHDRAW_CONSENT: { who: 'bti_coordinator', label: 'Samtykke trukket' },
  BTI_EVALUATE: { who: 'bti_coordinator', label: 'BTI: evalueringsmøte' },
  REQUEST_PPT: { who: 'leader', label: 'PPT bedt om råd' },
  PPT_ADVICE: { who: 'ppt', label: 'Råd fra PPT' },

  // Raised with the rektor personally: the one it was raised with records it.
  RAISED_WITH_PRINCIPAL: { who: 'leader', label: 'Saken tatt opp med rektor', duty: true },
  REPORTED_TO_STATSFORVALTEREN: { who: 'leader_or_owner', label: 'Saken meldt til Statsforvalteren', duty: true },
  SF_DECISION: { who: 'leader_or_owner', label: 'Vedtak fra Statsforvalteren', duty: true },
  SF_COMPLIANCE: { who: 'leader_or_owner', label: 'Statsforvalterens vedtak gjennomført', duty: true },

  // Whoever wrote in the case may correct what they wrote; the hook checks it is theirs.
  CORRECT_ENTRY: { who: 'participant', label: 'Retting av tidligere oppføring', duty: true },
  PLACE_LEGAL_HOLD: { who: 'owner', label: 'Sperre mot sletting (legal hold) satt', duty: true },
  RELEASE_LEGAL_HOLD: { who: 'owner', label: 'Sperre mot sletting opphevet', duty: true },
};

const HOOKS: { [T in AnyCommandType]?: CommandHooks<T> } = { ...DUTY_TO_ACT_HOOKS, ...BTI_HOOKS, ...ENFORCEMENT_HOOKS, ...RECORD_HOOKS };

export function hooksOf<T extends AnyCommandType>(type: T): CommandHooks<T> {
  return (HOOKS[type] as CommandHooks<T> | undefined) ?? {};
}
