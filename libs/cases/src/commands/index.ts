import { CommandType } from '../../../workflow/src';
import { CommandUseCase } from './command.usecase';
import { acknowledge } from './acknowledge.usecase';
import { markSerious } from './mark-serious.usecase';
import { addNote } from './add-note.usecase';
import { recordChildVoice } from './record-child-voice.usecase';
import { concludeInvestigation } from './conclude-investigation.usecase';
import { submitPlan } from './submit-plan.usecase';
import { approvePlan } from './approve-plan.usecase';
import { returnPlan } from './return-plan.usecase';
import { recordMeasure } from './record-measure.usecase';
import { startEvaluation } from './start-evaluation.usecase';
import { evaluate } from './evaluate.usecase';
import { close } from './close.usecase';
import { reopen } from './reopen.usecase';
import { assessStaircase } from './assess-staircase.usecase';
import { correctEntry } from './correct-entry.usecase';
import { placeLegalHold, releaseLegalHold } from './legal-hold.usecases';
import { RecordCommandType } from './command.usecase';

export * from './command.usecase';
export * from './statsforvalteren.usecases';

export const COMMAND_USE_CASES: { [T in CommandType]: CommandUseCase<T> } = {
  ACKNOWLEDGE: acknowledge,
  MARK_SERIOUS: markSerious,
  ADD_NOTE: addNote,
  RECORD_CHILD_VOICE: recordChildVoice,
  CONCLUDE_INVESTIGATION: concludeInvestigation,
  SUBMIT_PLAN: submitPlan,
  APPROVE_PLAN: approvePlan,
  RETURN_PLAN: returnPlan,
  RECORD_MEASURE: recordMeasure,
  START_EVALUATION: startEvaluation,
  EVALUATE: evaluate,
  CLOSE: close,
  REOPEN: reopen,
  ASSESS_STAIRCASE: assessStaircase,
};

export const RECORD_USE_CASES: { [T in RecordCommandType]: CommandUseCase<T> } = {
  CORRECT_ENTRY: correctEntry,
  PLACE_LEGAL_HOLD: placeLegalHold,
  RELEASE_LEGAL_HOLD: releaseLegalHold,
};
