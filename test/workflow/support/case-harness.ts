// A time-skipping Temporal server, a worker with in-memory activities and helpers
// to drive one case through its Updates.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { CaseActivities, CaseProjection, NotificationInput } from '../../../activities/case.activities';
import type { NoticeActivities } from '../../../activities/notice.activities';
import type { RegistrationActivities } from '../../../activities/registration.activities';
import { bundledCalendar } from '../../../libs/calendar/bundled-calendar';
import { buildWorkingDayIndex, parseIsoDate, type WorkingDayIndex } from '../../../libs/calendar';
import { shanghaiDay, startOfShanghaiDay } from '../../../libs/case';
import { calendarYearsFor, type ApplicationWorkflowInput, type CaseSettings } from '../../../libs/contracts/application';
import type { IssueNoticeInput, NoticeRef } from '../../../libs/contracts/notice';
import type { ActionBodies, ActionName, ActionResult, CaseView } from '../../../libs/contracts/case';
import type { Actor } from '../../../libs/contracts/roles';
import { actionUpdate, registrationUpdate, stateQuery } from '../../../libs/contracts/workflow';
import { computeDeadlines } from '../../../libs/deadline';
import { applicationWorkflow } from '../../../workflows';
import { createTimeSkippingEnv } from '../../support/test-server';
import { workflowBundlerOptions } from '../../../apps/worker/bundler-options';

export const clerk: Actor = { username: 'clerk', role: 'clerk' };
export const clerk2: Actor = { username: 'clerk2', role: 'clerk' };
export const reviewer: Actor = { username: 'reviewer', role: 'reviewer' };
export const reviewer2: Actor = { username: 'reviewer2', role: 'reviewer' };
export const supervisor: Actor = { username: 'supervisor', role: 'supervisor' };
export const supervisor2: Actor = { username: 'supervisor2', role: 'supervisor' };

export const calendarIndex: WorkingDayIndex = buildWorkingDayIndex(bundledCalendar());
/** The nth working day after `day` (negative: before). */
export const wd = (day: string, n: number) => calendarIndex.isoDate(calendarIndex.addWorkingDays(parseIsoDate(day), n));

export interface Store {
  projections: CaseProjection[];
  notifications: NotificationInput[];
  calendarLoads: number;
  /** issueNotice calls, once per (application, kind, issueKey) */
  notices?: IssueNoticeInput[];
  /** letter kinds the issueNotice activity refuses (NoticeRejected), as for a template an administrator broke */
  failLetters?: Set<string>;
}

/** The calendar years [fromYear, toYear] of the bundled calendar. */
function calendarYears({ fromYear, toYear }: { fromYear: number; toYear: number }) {
  const data = bundledCalendar();
  return { version: data.version, years: data.years.filter((y) => y.year >= fromYear && y.year <= toYear) };
}

/** registerCase as the worker runs it: a registration, the case's calendar years and the receipt letter. */
export function registerCaseFrom(
  register: RegistrationActivities['registerApplication'],
  issueNotice?: NoticeActivities['issueNotice'],
): RegistrationActivities['registerCase'] {
  return async (i) => {
    const registration = await register(i);
    const today = shanghaiDay(Date.now());
    const range = calendarYearsFor([shanghaiDay(Date.parse(i.arrivedAt)), registration.receivedOn ?? today, today]);
    // As the activity: a receipt the case cannot fill (NoticeRejected) leaves the registration standing without it.
    let receiptError: string | undefined;
    const receipt =
      registration.receivedOn && issueNotice
        ? await issueNotice({
            applicationId: i.applicationId,
            kind: 'receipt',
            letterKind: 'registration-receipt',
            issueKey: 'registration',
            issuedOn: today,
            issuedBy: i.submittedBy.username,
            fields: registration.dueOn ? { dueOn: registration.dueOn } : {},
          }).catch((err: unknown) => {
            if (!(err instanceof ApplicationFailure && err.type === 'NoticeRejected')) throw err;
            receiptError = err.message;
            return null;
          })
        : null;
    return { registration, calendar: calendarYears(range), ...range, receipt, ...(receiptError !== undefined ? { receiptError } : {}) };
  };
}

export function mockActivities(store: Store): RegistrationActivities & CaseActivities & NoticeActivities {
  const registerApplication = async (i: ApplicationWorkflowInput) => {
    const receivedOn = i.submission.receivedOn ?? null;
    const d = receivedOn ? computeDeadlines({ receivedOn }, calendarIndex, { explain: false }) : null;
    return {
      id: i.applicationId,
      registrationNumber: `LYZF-2025-${i.applicationId.slice(0, 5)}`,
      regime: d?.regime ?? null,
      receivedOn,
      dueOn: d?.dueOn ?? null,
      status: receivedOn ? ('registered' as const) : ('awaiting_confirmation' as const),
    };
  };
  const issueNotice = async (n: IssueNoticeInput): Promise<NoticeRef> => {
    if (store.failLetters?.has(n.letterKind))
      throw ApplicationFailure.create({ message: `${n.letterKind}: the template is broken`, type: 'NoticeRejected', nonRetryable: true });
    const notices = (store.notices ??= []);
    const same = (x: IssueNoticeInput) => x.applicationId === n.applicationId && x.kind === n.kind && x.issueKey === n.issueKey;
    if (!notices.some(same)) notices.push(n);
    const i = notices.findIndex(same);
    return { id: `notice-${i}`, kind: n.kind, number: `临政公开〔${n.issuedOn.slice(0, 4)}〕第${i + 1}号`, contentHash: `hash-${i}` };
  };
  return {
    registerApplication,
    registerCase: registerCaseFrom(registerApplication, issueNotice),
    issueNotice,
    async loadCalendarYears(range) {
      store.calendarLoads++;
      return calendarYears(range);
    },
    async projectCaseStep(p) {
      if (!store.projections.some((x) => x.applicationId === p.applicationId && x.seq === p.seq)) store.projections.push(p);
      return { written: true };
    },
    async notify(n) {
      if (!store.notifications.some((x) => x.applicationId === n.applicationId && x.key === n.key)) store.notifications.push(n);
      return { written: true, toSupervisors: false };
    },
  };
}

export class CaseHarness {
  env!: TestWorkflowEnvironment;
  worker!: Worker;
  running!: Promise<void>;
  readonly store: Store = { projections: [], notifications: [], calendarLoads: 0, notices: [] };
  readonly taskQueue = `wf-case-${randomUUID().slice(0, 8)}`;

  async start(): Promise<void> {
    this.env = await createTimeSkippingEnv();
    await this.startWorker();
  }

  async startWorker(): Promise<void> {
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.taskQueue,
      workflowsPath: require.resolve('../../../workflows'),
      bundlerOptions: workflowBundlerOptions,
      activities: mockActivities(this.store),
      // A small cache, as in production: the registration's local activity needs its
      // workflow kept in memory until it completes (with no cache at all, the first
      // workflow task times out). Replay determinism is tested on committed histories.
      maxCachedWorkflows: 10,
    });
    this.running = this.worker.run();
  }

  async stopWorker(): Promise<void> {
    this.worker.shutdown();
    await this.running;
  }

  async stop(): Promise<void> {
    if (this.worker) await this.stopWorker();
    await this.env?.teardown();
  }

  async today(): Promise<string> {
    return shanghaiDay(await this.env.currentTimeMs());
  }

  /** Registers a case received today, or on `receivedOn` (or awaiting confirmation when `online` without a day). */
  async open(
    o: { awaitingConfirmation?: boolean; channel?: 'online' | 'mail'; settings?: CaseSettings; receivedOn?: string } = {},
  ): Promise<{ id: string; handle: WorkflowHandle; receivedOn: string }> {
    const id = randomUUID();
    const now = await this.env.currentTimeMs();
    const receivedOn = o.receivedOn ?? shanghaiDay(now);
    const input: ApplicationWorkflowInput = {
      applicationId: id,
      officeCode: 'LINYI',
      arrivedAt: new Date(now).toISOString(),
      submittedBy: { username: 'clerk', role: 'clerk' },
      ...(o.settings ? { settings: o.settings } : {}),
      submission: {
        channel: o.awaitingConfirmation ? (o.channel ?? 'online') : 'in_person',
        ...(o.awaitingConfirmation ? {} : { receivedOn }),
        applicant: { type: 'natural_person', name: '张三', contact: {} },
        request: { description: '某项目征收补偿方案' },
      },
    };
    await this.env.client.workflow.executeUpdateWithStart(registrationUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(applicationWorkflow, {
        workflowId: `application-${id}`,
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = this.env.client.workflow.getHandle(`application-${id}`);
    await this.eventually(handle, (c) => c !== undefined);
    return { id, handle, receivedOn };
  }

  act<A extends ActionName>(handle: WorkflowHandle, action: A, actor: Actor, body: ActionBodies[A]): Promise<ActionResult> {
    return handle.executeUpdate(actionUpdate, { args: [{ action, actor, body } as never] });
  }

  async caseOf(handle: WorkflowHandle): Promise<CaseView> {
    return (await handle.query(stateQuery)).case!;
  }

  /** Queries until the case satisfies `ok` (the workflow may still be handling a fired timer). */
  async eventually(handle: WorkflowHandle, ok: (c: CaseView | undefined) => boolean): Promise<CaseView> {
    let last: CaseView | undefined;
    for (let i = 0; i < 100; i++) {
      last = (await handle.query(stateQuery)).case;
      if (ok(last)) return last!;
      await this.env.sleep(50);
    }
    throw new Error(`condition not reached; last state: ${JSON.stringify(last?.status)}`);
  }

  /** Skips time to `hour`:00 Asia/Shanghai of `day`. */
  async sleepUntil(day: string, hour = 0, minute = 0): Promise<void> {
    const target = startOfShanghaiDay(day) + hour * 3600_000 + minute * 60_000;
    const now = await this.env.currentTimeMs();
    if (target > now) await this.env.sleep(target - now);
  }
}

/** Asserts that a step was rejected by the Update validator with this failure type and message. */
export async function expectRejected(p: Promise<unknown>, type: 'WrongState' | 'Forbidden' | 'BadRequest', message: RegExp): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect({ type: cause.type, message: cause.message }).toEqual({ type, message: expect.stringMatching(message) });
}
