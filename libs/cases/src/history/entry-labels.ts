/**
 * The history's entries in the words a principal or a supervisor reads (bokmål): one table for the
 * case file (JSON and PDF) and the history the web app shows.
 */
/** What each entry means for the duty to act, in the words of the law and of a principal. */
export const DUTY_LABELS: Record<string, string> = {
  CASE_OPENED: 'Melde fra: bekymring meldt til rektor/styrer',
  OWNER_NOTIFIED: 'Eier informert',
  ACKNOWLEDGE: 'Melding bekreftet mottatt, undersøkelse startet',
  MARK_SERIOUS: 'Alvorlig sak: meldt til eier',
  RECORD_CHILD_VOICE: 'Barnets stemme dokumentert',
  CONCLUDE_INVESTIGATION: 'Undersøkelse avsluttet',
  SUBMIT_PLAN: 'Aktivitetsplan levert',
  APPROVE_PLAN: 'Aktivitetsplan godkjent',
  RETURN_PLAN: 'Aktivitetsplan sendt tilbake',
  RECORD_MEASURE: 'Tiltak gjennomført/fulgt opp',
  START_EVALUATION: 'Evaluering startet',
  EVALUATE: 'Tiltakene evaluert',
  CLOSE: 'Saken avsluttet',
  REOPEN: 'Saken gjenåpnet',
  DEADLINE_OVERDUE: 'Frist oversittet',
  DEADLINE_ESCALATED: 'Oversittet frist eskalert',
  RAISED_WITH_PRINCIPAL: 'Saken tatt opp med rektor',
  REPORTED_TO_STATSFORVALTEREN: 'Saken meldt til Statsforvalteren',
  SF_DECISION: 'Vedtak fra Statsforvalteren',
  SF_COMPLIANCE: 'Statsforvalterens vedtak gjennomført',
  CORRECT_ENTRY: 'Retting av tidligere oppføring',
  PLACE_LEGAL_HOLD: 'Sperre mot sletting (legal hold) satt',
  RELEASE_LEGAL_HOLD: 'Sperre mot sletting opphevet',
  CASE_ANONYMISED: 'Saken anonymisert etter eiers bevaringsregler',
};

/** A history entry in words a principal or a supervisor reads (Norwegian); the type when there is none. */
export function entryLabel(type: string): string {
  return DUTY_LABELS[type] ?? ENTRY_LABELS[type] ?? type;
}

const ENTRY_LABELS: Record<string, string> = {
  ADD_NOTE: 'Notat (observasjon, inngripen, samtale)',
  ASSESS_STAIRCASE: 'Omni-trappa vurdert',
  DEADLINE_REMINDER_SENT: 'Påminnelse om frist sendt',
  BTI_DECIDE: 'BTI: nivå besluttet',
  BTI_ESCALATE: 'BTI: nivå hevet',
  BTI_DEESCALATE: 'BTI: nivå senket',
  ASSIGN_COORDINATOR: 'BTI: stafettholder utpekt',
  ACCEPT_COORDINATION: 'BTI: stafettholder har tatt over',
  RECORD_CONSENT: 'Samtykke registrert',
  RECORD_CONSENT_REFUSAL: 'Samtykke nektet',
  WITHDRAW_CONSENT: 'Samtykke trukket',
  BTI_EVALUATE: 'BTI: evalueringsmøte',
  REQUEST_PPT: 'PPT bedt om råd',
  PPT_ADVICE: 'Råd fra PPT',
  PPT_ACCESS_ENDED: 'PPTs tilgang avsluttet',
  BTI_LEVEL_0_STARTED: 'BTI nivå 0 startet (undring/bekymring)',
};
