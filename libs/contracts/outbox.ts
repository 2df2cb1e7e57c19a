// The outbox delivery workflow's name and id, shared by the workflow and the worker that starts it.
export const OUTBOX_DELIVERY_WORKFLOW_TYPE = 'outboxDeliveryWorkflow';
/** One delivery per task queue. */
export const outboxDeliveryWorkflowId = (taskQueue: string): string => `outbox-delivery-${taskQueue}`;
