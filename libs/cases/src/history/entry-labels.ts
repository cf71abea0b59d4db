import { CASE_COMMANDS } from '../commands/case-commands';

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

/** A history entry in words a principal or a supervisor reads (Norwegian); the type when there is none. */
export function entryLabel(type: string): string {
  return ENTRIES[type]?.label ?? type;
}

/** What an entry means for the duty to act, for the case file's duty timeline; undefined when it is not a step of it. */
export function dutyLabel(type: string): string | undefined {
  const entry = ENTRIES[type];
  return entry?.duty ? entry.label : undefined;
}
