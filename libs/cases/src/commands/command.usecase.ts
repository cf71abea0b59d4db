import {
  Actor,
  BTI_COMMAND_TYPES,
  BtiCommandType,
  BtiEvent,
  CaseEvent,
  COMMAND_TYPES,
  CommandType,
  ENFORCEMENT_COMMAND_TYPES,
  EnforcementCommandType,
  Guidance,
  PlanWarning,
} from '../../../workflow/src';
import { FieldError } from '../errors';
import { CaseRecord, CaseStore, CaseWrites, Directory, UserContext } from '../ports';
import { RECORD_COMMAND_TYPES, RecordCommand, RecordCommandType } from './record-commands';

export { RECORD_COMMAND_TYPES };
export type { RecordCommand, RecordCommandType };

/** Every command a case takes: the duty-to-act, BTI and enforcement machines', and the record's own. */
export type AnyCommandType = CommandType | BtiCommandType | EnforcementCommandType | RecordCommandType;
export const CASE_COMMAND_TYPES: readonly AnyCommandType[] = [
  ...COMMAND_TYPES,
  ...BTI_COMMAND_TYPES,
  ...ENFORCEMENT_COMMAND_TYPES,
  ...RECORD_COMMAND_TYPES,
];

/** Which of the case's machines a command drives; `record` moves none (corrections, legal holds). */
export type CommandTarget = 'dutyToAct' | 'bti' | 'enforcement' | 'record';
const TARGETS = new Map<AnyCommandType, CommandTarget>([
  ...COMMAND_TYPES.map((t) => [t, 'dutyToAct'] as const),
  ...BTI_COMMAND_TYPES.map((t) => [t, 'bti'] as const),
  ...ENFORCEMENT_COMMAND_TYPES.map((t) => [t, 'enforcement'] as const),
  ...RECORD_COMMAND_TYPES.map((t) => [t, 'record'] as const),
]);
export function targetOf(t: AnyCommandType): CommandTarget {
  return TARGETS.get(t) as CommandTarget;
}

/**
 * Statsforvalteren's commands as sent: `at` is when it happened (the machine calls it raisedAt,
 * reportedAt, decidedAt or compliedAt, and keeps `at` for when Trygg received it).
 */
export type EnforcementRequest =
  | { type: 'RAISED_WITH_PRINCIPAL'; at: string }
  | { type: 'REPORTED_TO_STATSFORVALTEREN'; at: string; specialGrounds?: string }
  | { type: 'SF_DECISION'; at: string; requirements: string[]; deadline?: string }
  | { type: 'SF_COMPLIANCE'; at: string; summary: string };

/** A command's payload as the API takes it: the machine event without who sent it and when. */
export type CommandPayload<T extends AnyCommandType> = T extends EnforcementCommandType | RecordCommandType
  ? Omit<Extract<EnforcementRequest | RecordCommand, { type: T }>, 'type'>
  : Omit<Extract<CaseEvent | BtiEvent, { type: T }>, 'type' | 'actor' | 'at'>;

/** The body of a command request: its type, the version it was decided on, and its payload. */
export type CommandBody<T extends AnyCommandType> = { type: T; expectedVersion: number } & CommandPayload<T>;

export interface CommandContext {
  directory: Directory;
  /** Oslo date of the command, for rules like "not in the past". */
  today: string;
  now: Date;
  user: UserContext;
  /** The user as the case sees them (their role in it). */
  actor: Actor;
  /** The case's history, for commands that refer to an entry in it (CORRECT_ENTRY). */
  store: CaseStore;
  /** The group's current Omni-trappa step for the case (its group, or its children's groups). */
  staircaseStep(rec: CaseRecord): Promise<number | null>;
  guidance(ownerId: string): Promise<Guidance>;
}

/**
 * What a command needs beyond its payload's shape (checked at the edge) and the machine's rules:
 * checks against the case and the organisation, who becomes involved, what is written beside the
 * case in the same transaction, and decision support. Every hook is optional.
 */
export interface CommandHooks<T extends AnyCommandType> {
  check?(rec: CaseRecord, payload: CommandPayload<T>, ctx: CommandContext): Promise<FieldError[]> | FieldError[];
  /** Users who become involved in the case by this command (besides the actor). */
  involves?(payload: CommandPayload<T>): string[];
  /** Rows the command writes beside the case, in the same transaction. */
  writes?(rec: CaseRecord, payload: CommandPayload<T>, ctx: CommandContext): Partial<CaseWrites>;
  /** The machine event's own fields when they differ from the request's (see EnforcementRequest). */
  toMachine?(payload: CommandPayload<T>): Record<string, unknown>;
  /** For record commands: the legal hold after the command. */
  legalHold?(rec: CaseRecord, payload: CommandPayload<T>): string | null;
  /** Decision support shown with the response; the command is accepted all the same. */
  warnings?(rec: CaseRecord, payload: CommandPayload<T>, ctx: CommandContext): Promise<PlanWarning[]>;
}

/** Hooks for some of a machine's commands; a command without an entry needs none. */
export type CommandHooksFor<U extends AnyCommandType> = { [T in U]?: CommandHooks<T> };
