import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { RegistrationActivities } from '../../activities/registration.activities';
import { mockActivities, registerCaseFrom } from './support/case-harness';
import type { ApplicationWorkflowInput, RegistrationResult } from '../../libs/contracts/application';
import { SA } from '../../libs/contracts/search-attributes';
import { registrationUpdate, stateQuery } from '../../libs/contracts/workflow';
import { applicationWorkflow } from '../../workflows';
import { createTimeSkippingEnv } from '../support/test-server';
import { workflowBundlerOptions } from '../../apps/worker/bundler-options';

const input = (applicationId: string): ApplicationWorkflowInput => ({
  applicationId,
  officeCode: 'LINYI',
  arrivedAt: '2024-09-27T02:00:00.000Z',
  submittedBy: { username: 'clerk', role: 'clerk' },
  submission: {
    channel: 'in_person',
    applicant: { type: 'natural_person', name: '张三', contact: {} },
    request: { description: '某项目征收补偿方案' },
  },
});

describe('applicationWorkflow: registration', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const calls: ApplicationWorkflowInput[] = [];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    const registerApplication: RegistrationActivities['registerApplication'] = async (i) => {
      calls.push(i);
      if (i.officeCode === 'NOWHERE') {
        throw ApplicationFailure.create({ message: 'office NOWHERE does not exist', type: 'RegistrationRejected', nonRetryable: true });
      }
      return {
        id: i.applicationId,
        registrationNumber: 'LYZF-2024-00007',
        regime: '2019',
        receivedOn: '2024-09-27',
        dueOn: '2024-10-30',
        status: 'registered',
      };
    };
    const activities: RegistrationActivities = {
      ...mockActivities({ projections: [], notifications: [], calendarLoads: 0 }),
      registerApplication,
      registerCase: registerCaseFrom(registerApplication),
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'wf-registration',
      workflowsPath: require.resolve('../../workflows'),
      bundlerOptions: workflowBundlerOptions,
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const startWithUpdate = (i: ApplicationWorkflowInput) =>
    env.client.workflow.executeUpdateWithStart(registrationUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(applicationWorkflow, {
        workflowId: `application-${i.applicationId}`,
        taskQueue: 'wf-registration',
        args: [i],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });

  it('answers the registration Update with what the activity registered, and keeps the case open', async () => {
    const id = randomUUID();
    const result: RegistrationResult = await startWithUpdate(input(id));
    expect(result).toEqual({
      id,
      registrationNumber: 'LYZF-2024-00007',
      regime: '2019',
      receivedOn: '2024-09-27',
      dueOn: '2024-10-30',
      status: 'registered',
    });
    const handle = env.client.workflow.getHandle(`application-${id}`);
    expect((await handle.query(stateQuery)).registration).toEqual(result);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const sa = (await handle.describe()).typedSearchAttributes;
    expect(sa.get(SA.status)).toBe('registered');
    expect(sa.get(SA.registrationNumber)).toBe('LYZF-2024-00007');
  });

  it('attaches a retried submission to the same workflow without registering twice', async () => {
    const id = randomUUID();
    const first = await startWithUpdate(input(id));
    const again = await startWithUpdate(input(id));
    expect(again).toEqual(first);
    expect(calls.filter((c) => c.applicationId === id)).toHaveLength(1);
  });

  it('fails the Update with the reason when registration is refused', async () => {
    const i = { ...input(randomUUID()), officeCode: 'NOWHERE' };
    const err = await startWithUpdate(i).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).message).toContain('office NOWHERE does not exist');
  });
});
