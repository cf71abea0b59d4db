import {
  BTI_COMMAND_TYPES,
  BtiCommandType,
  BtiEvent,
  CaseEvent,
  COMMAND_TYPES,
  CommandType,
  ENFORCEMENT_COMMAND_TYPES,
  EnforcementCommandType,
} from '../../../workflow/src';
import { FieldError } from '../errors';
import { RECORD_COMMAND_TYPES, RecordCommand, RecordCommandType } from '../record-commands';
import { CaseRecord, CaseStore, CaseWrites, Directory, UserContext } from '../ports';
import { Guidance, PlanWarning } from '../../../workflow/src';

/**
 * One command = one use case. Each file in this folder states what its command needs beyond the
 * payload's own shape (checked at the edge): checks against the case, the machine event it
 * becomes, what the history records, and who becomes involved.
 */
export type MachinePayload<T extends AnyCommandType> = T extends EnforcementCommandType | RecordCommandType
  ? Omit<Extract<EnforcementRequest | RecordCommand, { type: T }>, 'type'>
  : Omit<Extract<CaseEvent | BtiEvent, { type: T }>, 'type' | 'actor' | 'at'>;

/**
 * Statsforvalteren's commands as sent: `at` is when it happened (the machine calls it raisedAt,
 * reportedAt, decidedAt or compliedAt, and keeps `at` for when Trygg received it).
 */
export type EnforcementRequest =
  | { type: 'RAISED_WITH_PRINCIPAL'; at: string }
  | { type: 'REPORTED_TO_STATSFORVALTEREN'; at: string; specialGrounds?: string }
  | { type: 'SF_DECISION'; at: string; requirements: string[]; deadline?: string }
  | { type: 'SF_COMPLIANCE'; at: string; summary: string };

export { RECORD_COMMAND_TYPES };
export type { RecordCommand, RecordCommandType };

/** Every command a case takes: the duty-to-act, BTI and enforcement machines', and the record's own. */
export type AnyCommandType = CommandType | BtiCommandType | EnforcementCommandType | RecordCommandType;
export const CASE_COMMAND_TYPES: readonly AnyCommandType[] = [...COMMAND_TYPES, ...BTI_COMMAND_TYPES, ...ENFORCEMENT_COMMAND_TYPES, ...RECORD_COMMAND_TYPES];
export function isBtiCommand(t: AnyCommandType): t is BtiCommandType {
  return (BTI_COMMAND_TYPES as readonly string[]).includes(t);
}
export function isEnforcementCommand(t: AnyCommandType): t is EnforcementCommandType {
  return (ENFORCEMENT_COMMAND_TYPES as readonly string[]).includes(t);
}
export function isRecordCommand(t: AnyCommandType): t is RecordCommandType {
  return (RECORD_COMMAND_TYPES as readonly string[]).includes(t);
}

export interface CommandContext {
  directory: Directory;
  /** Oslo date of the command, for rules like "not in the past". */
  today: string;
  now: Date;
  user: UserContext;
  /** The case's history, for commands that refer to an entry in it (CORRECT_ENTRY). */
  store: CaseStore;
  /** The group's current Omni-trappa step for the case (its group, or its children's groups). */
  staircaseStep(rec: CaseRecord): Promise<number | null>;
  guidance(ownerId: string): Promise<Guidance>;
}

export interface CommandUseCase<T extends AnyCommandType = AnyCommandType> {
  type: T;
  check?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Promise<FieldError[]> | FieldError[];
  /** Users who become involved in the case by this command (besides the actor). */
  involves?(payload: MachinePayload<T>): string[];
  /** Rows the command writes beside the case, in the same transaction. */
  writes?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Partial<CaseWrites>;
  /** The machine event's own fields when they differ from the request's (see EnforcementRequest). */
  toMachine?(payload: MachinePayload<T>): Record<string, unknown>;
  /** For record commands: the legal hold after the command. */
  legalHold?(rec: CaseRecord, payload: MachinePayload<T>): string | null;
  /** Decision support shown with the response; the command is accepted all the same. */
  warnings?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Promise<PlanWarning[]>;
}

export function defineCommand<T extends AnyCommandType>(useCase: CommandUseCase<T>): CommandUseCase<T> {
  return useCase;
}
