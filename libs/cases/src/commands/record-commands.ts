/** Commands that only add to the record and move no machine: corrections and legal holds. */
export type RecordCommand =
  | { type: 'CORRECT_ENTRY'; seq: number; reason: string; corrected: Record<string, unknown> }
  | { type: 'PLACE_LEGAL_HOLD'; reason: string }
  | { type: 'RELEASE_LEGAL_HOLD'; reason: string };
export type RecordCommandType = RecordCommand['type'];
const RECORD_COMMAND_ROWS: Record<RecordCommandType, true> = { CORRECT_ENTRY: true, PLACE_LEGAL_HOLD: true, RELEASE_LEGAL_HOLD: true };
export const RECORD_COMMAND_TYPES = Object.keys(RECORD_COMMAND_ROWS) as RecordCommandType[];
