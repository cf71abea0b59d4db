import { CASE_COMMANDS } from '../commands/case-commands';
import type { AnyCommandType } from '../commands/command.usecase';
import type { Language } from '../ports';

/**
 * The history's entries in the words a principal or a supervisor reads (bokmål): one table for the
 * case file (JSON and PDF) and the history the web app shows. Commands take their label from
 * their row in CASE_COMMANDS; these are the entries Trygg writes itself.
 */
const SYSTEM_ENTRIES: Record<string, { label: string; duty?: true }> = {
  CASE_OPENED: { label: 'Melde fra: bekymring meldt til rektor/styrer', duty: true },
  OWNER_NOTIFIED: { label: 'Eier informert', duty: true },
  DEADLINE_OVERDUE: { label: 'Frist oversittet', duty: true },
  DEADLINE_ESCALATED: { label: 'Oversittet frist eskalert', duty: true },
  CASE_ANONYMISED: { label: 'Saken anonymisert etter eiers bevaringsregler', duty: true },
  DEADLINE_REMINDER_SENT: { label: 'Påminnelse om frist sendt' },
  PPT_ACCESS_ENDED: { label: 'PPTs tilgang avsluttet' },
  BTI_LEVEL_0_STARTED: { label: 'BTI nivå 0 startet (undring/bekymring)' },
};

const ENTRIES: Record<string, { label: string; duty?: true }> = { ...CASE_COMMANDS, ...SYSTEM_ENTRIES };

/**
 * The same entries in nynorsk, for whoever reads Trygg in it (the web app asks with Accept-Language).
 * Every command and system entry has its row: one left out does not compile. The case file stays in bokmål.
 */
const NYNORSK: Record<AnyCommandType | keyof typeof SYSTEM_ENTRIES, string> = {
  CASE_OPENED: 'Melde frå: bekymring meld til rektor/styrar',
  OWNER_NOTIFIED: 'Eigar informert',
  DEADLINE_OVERDUE: 'Frist oversitten',
  DEADLINE_ESCALATED: 'Oversitten frist eskalert',
  CASE_ANONYMISED: 'Saka anonymisert etter bevaringsreglane til eigaren',
  DEADLINE_REMINDER_SENT: 'Påminning om frist send',
  PPT_ACCESS_ENDED: 'Tilgangen til PPT avslutta',
  BTI_LEVEL_0_STARTED: 'BTI nivå 0 starta (undring/uro)',
  ACKNOWLEDGE: 'Melding stadfesta motteken, undersøking starta',
  MARK_SERIOUS: 'Alvorleg sak: meld til eigar',
  ADD_NOTE: 'Notat (observasjon, inngriping, samtale)',
  RECORD_CHILD_VOICE: 'Stemma til barnet dokumentert',
  CONCLUDE_INVESTIGATION: 'Undersøking avslutta',
  SUBMIT_PLAN: 'Aktivitetsplan levert',
  APPROVE_PLAN: 'Aktivitetsplan godkjend',
  RETURN_PLAN: 'Aktivitetsplan send tilbake',
  RECORD_MEASURE: 'Tiltak gjennomført/følgt opp',
  START_EVALUATION: 'Evaluering starta',
  EVALUATE: 'Tiltaka evaluerte',
  CLOSE: 'Saka avslutta',
  REOPEN: 'Saka opna att',
  ASSESS_STAIRCASE: 'Omni-trappa vurdert',
  BTI_DECIDE: 'BTI: nivå bestemt',
  BTI_ESCALATE: 'BTI: nivå heva',
  BTI_DEESCALATE: 'BTI: nivå senka',
  ASSIGN_COORDINATOR: 'BTI: stafetthaldar peikt ut',
  ACCEPT_COORDINATION: 'BTI: stafetthaldar har teke over',
  RECORD_CONSENT: 'Samtykke registrert',
  RECORD_CONSENT_REFUSAL: 'Samtykke nekta',
  WITHDRAW_CONSENT: 'Samtykke trekt',
  BTI_EVALUATE: 'BTI: evalueringsmøte',
  REQUEST_PPT: 'PPT bedt om råd',
  PPT_ADVICE: 'Råd frå PPT',
  RAISED_WITH_PRINCIPAL: 'Saka teken opp med rektor',
  REPORTED_TO_STATSFORVALTEREN: 'Saka meld til Statsforvaltaren',
  SF_DECISION: 'Vedtak frå Statsforvaltaren',
  SF_COMPLIANCE: 'Vedtaket frå Statsforvaltaren gjennomført',
  CORRECT_ENTRY: 'Retting av tidlegare oppføring',
  PLACE_LEGAL_HOLD: 'Sperre mot sletting (legal hold) sett',
  RELEASE_LEGAL_HOLD: 'Sperre mot sletting oppheva',
};

/** A history entry in words a principal or a supervisor reads (Norwegian); the type when there is none. */
export function entryLabel(type: string, language: Language = 'nb'): string {
  if (language === 'nn' && type in NYNORSK) return NYNORSK[type as keyof typeof NYNORSK];
  return ENTRIES[type]?.label ?? type;
}

/** What an entry means for the duty to act, for the case file's duty timeline; undefined when it is not a step of it. */
export function dutyLabel(type: string): string | undefined {
  const entry = ENTRIES[type];
  return entry?.duty ? entry.label : undefined;
}
