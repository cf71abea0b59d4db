import { BTI_COMMAND_TYPES, BtiCommandType, BtiEvent, CaseEvent, COMMAND_TYPES, CommandType } from '../../../workflow/src';
import { FieldError } from '../errors';
import { CaseRecord, CaseWrites, Directory, UserContext } from '../ports';
import { Guidance, PlanWarning } from '../../../workflow/src';

/**
 * One command = one use case. Each file in this folder states what its command needs beyond the
 * payload's own shape (checked at the edge): checks against the case, the machine event it
 * becomes, what the history records, and who becomes involved.
 */
export type MachinePayload<T extends AnyCommandType> = Omit<Extract<CaseEvent | BtiEvent, { type: T }>, 'type' | 'actor' | 'at'>;

/** Every command a case takes: the duty-to-act machine's and the BTI machine's. */
export type AnyCommandType = CommandType | BtiCommandType;
export const CASE_COMMAND_TYPES: readonly AnyCommandType[] = [...COMMAND_TYPES, ...BTI_COMMAND_TYPES];
export function isBtiCommand(t: AnyCommandType): t is BtiCommandType {
  return (BTI_COMMAND_TYPES as readonly string[]).includes(t);
}

export interface CommandContext {
  directory: Directory;
  /** Oslo date of the command, for rules like "not in the past". */
  today: string;
  now: Date;
  user: UserContext;
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
  /** Decision support shown with the response; the command is accepted all the same. */
  warnings?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Promise<PlanWarning[]>;
}

export function defineCommand<T extends AnyCommandType>(useCase: CommandUseCase<T>): CommandUseCase<T> {
  return useCase;
}
