// Signals, updates and queries of the application workflow, defined once and
// imported by both the workflow and the API (the Temporal client side).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RegistrationResult } from './application';

export const APPLICATION_WORKFLOW_TYPE = 'applicationWorkflow';

/** Waits until the application is registered and returns its registration. */
export const registrationUpdate = defineUpdate<RegistrationResult>('registration');

export interface ApplicationState {
  registration?: RegistrationResult;
}
export const stateQuery = defineQuery<ApplicationState>('state');
