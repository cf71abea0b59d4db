/** Commands that only add to the record and move no machine: corrections and legal holds. */
export type RecordCommand =
  | { type: 'CORRECT_ENTRY'; seq: number; reason: string; corrected: Record<string, unknown> }
  | { type: 'PLACE_LEGAL_HOLD'; reason: string }
  | { type: 'RELEASE_LEGAL_HOLD'; reason: string };
export type RecordCommandType = RecordCommand['type'];
export const RECORD_COMMAND_TYPES: readonly RecordCommandType[] = ['CORRECT_ENTRY', 'PLACE_LEGAL_HOLD', 'RELEASE_LEGAL_HOLD'];
