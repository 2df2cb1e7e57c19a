import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { ApplicationWorkflowInput, RegistrationResult } from '../libs/contracts/application';
import { SA } from '../libs/contracts/search-attributes';
import { registrationUpdate, stateQuery } from '../libs/contracts/workflow';
import type { RegistrationActivities } from '../activities/registration.activities';

const { registerApplication } = proxyActivities<RegistrationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['RegistrationRejected'] },
});

/**
 * One application, from receipt to its formal reply (不拒收: every submission is
 * registered and numbered before anything else happens).
 */
export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<void> {
  let registration: RegistrationResult | undefined;
  let registrationError: string | undefined;
  const closed = false;

  // The API waits on this Update (sent together with the start), so the caller
  // gets the registration number and due day in the same request.
  setHandler(registrationUpdate, async () => {
    await condition(() => registration !== undefined || registrationError !== undefined);
    if (registrationError !== undefined) throw ApplicationFailure.nonRetryable(registrationError, 'RegistrationRejected');
    return registration!;
  });
  setHandler(stateQuery, () => ({ registration }));

  try {
    registration = await registerApplication(input);
  } catch (err) {
    registrationError = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    log.error('registration failed', { applicationId: input.applicationId, error: registrationError });
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(registrationError, 'RegistrationRejected');
  }

  // Temporal's own UI and list queries find cases by these.
  upsertSearchAttributes([
    { key: SA.status, value: registration.status },
    { key: SA.registrationNumber, value: registration.registrationNumber },
    { key: SA.office, value: input.officeCode },
    { key: SA.regime, value: registration.regime },
    { key: SA.dueOn, value: registration.dueOn ? new Date(`${registration.dueOn}T00:00:00Z`) : null },
  ]);
  log.info('application registered', { registrationNumber: registration.registrationNumber });

  // The later steps of the case (triage, search, decision, reply) are added to
  // this workflow as Updates; until then the case stays open, waiting for them.
  await condition(() => closed);
  await condition(allHandlersFinished);
}
