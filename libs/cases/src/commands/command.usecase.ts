import { CaseEvent, CommandType } from '../../../workflow/src';
import { FieldError } from '../errors';
import { CaseRecord, CaseWrites, Directory, UserContext } from '../ports';
import { Guidance, PlanWarning } from '../../../workflow/src';

/**
 * One command = one use case. Each file in this folder states what its command needs beyond the
 * payload's own shape (checked at the edge): checks against the case, the machine event it
 * becomes, what the history records, and who becomes involved.
 */
export type MachinePayload<T extends CommandType> = Omit<Extract<CaseEvent, { type: T }>, 'type' | 'actor' | 'at'>;

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

export interface CommandUseCase<T extends CommandType = CommandType> {
  type: T;
  check?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Promise<FieldError[]> | FieldError[];
  /** Users who become involved in the case by this command (besides the actor). */
  involves?(payload: MachinePayload<T>): string[];
  /** Rows the command writes beside the case, in the same transaction. */
  writes?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Partial<CaseWrites>;
  /** Decision support shown with the response; the command is accepted all the same. */
  warnings?(rec: CaseRecord, payload: MachinePayload<T>, ctx: CommandContext): Promise<PlanWarning[]>;
}

export function defineCommand<T extends CommandType>(useCase: CommandUseCase<T>): CommandUseCase<T> {
  return useCase;
}
