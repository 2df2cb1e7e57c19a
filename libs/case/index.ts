// Pure case rules: safe for Temporal workflow code (no Node imports, no I/O).
export { actionBodySchema, isActionName, validateActionBody } from './body.validator';
export {
  ACTION_RULES,
  type ActionError,
  type Alarm,
  type CaseContext,
  applyAction,
  availableActions,
  availableActionsFor,
  checkAction,
  clockRunning,
  deadlineInput,
  deadlineOn,
  dueOnAsOf,
  EFFECTIVE_DAY_FIELD,
  effectiveDay,
  FEE_MEASURES_START,
  expireWindows,
  newCase,
  pendingAlarms,
  recomputeDeadline,
  recordLetterFailure,
  shanghaiDay,
  startOfShanghaiDay,
  type StepFacts,
  stepFacts,
  disclosing,
  type WaitingOn,
  roleQueueStatuses,
  waitingOn,
} from './case-machine';
export { fieldsOf, groundOfPart, replyLetterProblem, replyRequest, type LetterRequest } from './reply-letter';
export { type CaseFacts, caseFacts, CLOCK_PAUSES, type ClockPause, clockPausedFor } from './case-facts';
export { FEE_BEARING_MEDIA, feeAmount, feeCalculation, PROVISION_MEDIA, perApplicationFee, perVolumeFee } from './fees';
