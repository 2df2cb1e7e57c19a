// The worker's workflow entry point: every workflow type the task queue serves.
export { applicationWorkflow } from './application.workflow';
export { calendarFanoutWorkflow } from './calendar-fanout.workflow';
export { outboxDeliveryWorkflow } from './outbox-delivery.workflow';
export { replayVerifyWorkflow } from './replay-verify.workflow';
