import { AnyCommandType, CommandBody } from '../../../../../libs/cases/src/commands/command.usecase';
import {
  AcceptCoordinationDto,
  AssignCoordinatorDto,
  BtiDecideDto,
  BtiDeescalateDto,
  BtiEscalateDto,
  BtiEvaluateDto,
  PptAdviceDto,
  RecordConsentDto,
  RecordConsentRefusalDto,
  RequestPptDto,
  WithdrawConsentDto,
} from './bti.dtos';
import { CommandDto } from './command-base.dto';
import {
  AcknowledgeDto,
  AddNoteDto,
  ApprovePlanDto,
  AssessStaircaseDto,
  CloseDto,
  ConcludeInvestigationDto,
  EvaluateDto,
  MarkSeriousDto,
  RecordChildVoiceDto,
  RecordMeasureDto,
  ReopenDto,
  ReturnPlanDto,
  StartEvaluationDto,
  SubmitPlanDto,
} from './duty-to-act.dtos';
import { CorrectEntryDto, PlaceLegalHoldDto, ReleaseLegalHoldDto } from './record.dtos';
import { RaisedWithPrincipalDto, ReportedToStatsforvalterenDto, SfComplianceDto, SfDecisionDto } from './statsforvalteren.dtos';

export { CommandDto } from './command-base.dto';
export { PlanMeasureSchema, PlanSchema } from './duty-to-act.dtos';

/**
 * The body class of each command; a command without one, or a class whose fields do not match the
 * command's payload type, does not compile.
 */
export const COMMAND_DTOS: { [T in AnyCommandType]: new () => CommandDto<T> & CommandBody<T> } = {
  ACKNOWLEDGE: AcknowledgeDto,
  MARK_SERIOUS: MarkSeriousDto,
  ADD_NOTE: AddNoteDto,
  RECORD_CHILD_VOICE: RecordChildVoiceDto,
  CONCLUDE_INVESTIGATION: ConcludeInvestigationDto,
  SUBMIT_PLAN: SubmitPlanDto,
  APPROVE_PLAN: ApprovePlanDto,
  RETURN_PLAN: ReturnPlanDto,
  RECORD_MEASURE: RecordMeasureDto,
  START_EVALUATION: StartEvaluationDto,
  EVALUATE: EvaluateDto,
  CLOSE: CloseDto,
  ASSESS_STAIRCASE: AssessStaircaseDto,
  BTI_DECIDE: BtiDecideDto,
  BTI_ESCALATE: BtiEscalateDto,
  BTI_DEESCALATE: BtiDeescalateDto,
  ASSIGN_COORDINATOR: AssignCoordinatorDto,
  ACCEPT_COORDINATION: AcceptCoordinationDto,
  RECORD_CONSENT: RecordConsentDto,
  RECORD_CONSENT_REFUSAL: RecordConsentRefusalDto,
  WITHDRAW_CONSENT: WithdrawConsentDto,
  BTI_EVALUATE: BtiEvaluateDto,
  REQUEST_PPT: RequestPptDto,
  PPT_ADVICE: PptAdviceDto,
  REOPEN: ReopenDto,
  RAISED_WITH_PRINCIPAL: RaisedWithPrincipalDto,
  REPORTED_TO_STATSFORVALTEREN: ReportedToStatsforvalterenDto,
  SF_DECISION: SfDecisionDto,
  SF_COMPLIANCE: SfComplianceDto,
  CORRECT_ENTRY: CorrectEntryDto,
  PLACE_LEGAL_HOLD: PlaceLegalHoldDto,
  RELEASE_LEGAL_HOLD: ReleaseLegalHoldDto,
};
