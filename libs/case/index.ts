// Pure case rules: safe for Temporal workflow code (no Node imports, no I/O).
export { isActionName, validateActionBody } from './body.validator';
export {
  ACTION_RULES,
  type ActionError,
  type Alarm,
  type CaseContext,
  applyAction,
  availableActions,
  checkAction,
  clockRunning,
  deadlineInput,
  expireWindows,
  newCase,
  pendingAlarms,
  recomputeDeadline,
  shanghaiDay,
  startOfShanghaiDay,
} from './case-machine';
