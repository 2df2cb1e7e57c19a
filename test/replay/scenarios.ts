// Representative cases recorded as replay histories (see README.md). Each scenario
// drives one application workflow to its end on the time-skipping test server.
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { shanghaiDay } from '../../libs/case';
import type { ApplicationWorkflowInput } from '../../libs/contracts/application';
import { calendarUpdatedSignal, registrationUpdate } from '../../libs/contracts/workflow';
import { applicationWorkflow } from '../../workflows';
import { CaseHarness, clerk, clerk2, reviewer, reviewer2, supervisor, wd } from '../workflow/support/case-harness';

/** The harness with a fixed task queue and fixed application ids, so re-recorded histories differ only in times. */
export class RecordingHarness extends CaseHarness {
  override readonly taskQueue = 'replay-record';

  async openFixed(
    applicationId: string,
    o: { awaitingConfirmation?: boolean; channel?: 'online' | 'mail' } = {},
  ): Promise<{ handle: WorkflowHandle; receivedOn: string }> {
    const now = await this.env.currentTimeMs();
    const receivedOn = shanghaiDay(now);
    const input: ApplicationWorkflowInput = {
      applicationId,
      officeCode: 'LINYI',
      arrivedAt: new Date(now).toISOString(),
      submittedBy: { username: 'clerk', role: 'clerk' },
      submission: {
        channel: o.awaitingConfirmation ? (o.channel ?? 'online') : 'in_person',
        ...(o.awaitingConfirmation ? {} : { receivedOn }),
        applicant: { type: 'natural_person', name: '张三', contact: { phone: '13800000000' } },
        request: { description: '某项目征收补偿方案' },
      },
    };
    await this.env.client.workflow.executeUpdateWithStart(registrationUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(applicationWorkflow, {
        workflowId: `application-${applicationId}`,
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = this.env.client.workflow.getHandle(`application-${applicationId}`);
    await this.eventually(handle, (c) => c !== undefined);
    return { handle, receivedOn };
  }
}

export interface Scenario {
  /** file name under test/replay/histories (without .json) */
  name: string;
  applicationId: string;
  run(h: RecordingHarness): Promise<WorkflowHandle>;
}

export const scenarios: Scenario[] = [
  {
    name: 'disclose-closed',
    applicationId: '00000000-0000-4000-8000-000000000001',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', supervisor, { assignee: 'clerk2', department: 'OGI', comment: 'urgent' });
      await h.act(handle, 'record-search', clerk2, { summary: 'found the compensation plan in the archive', found: true });
      await h.act(handle, 'draft-decision', clerk2, {
        replyKind: 'disclose',
        reasons: 'the plan is government information held by this office',
        provision: { form: 'paper', method: 'post' },
      });
      await h.act(handle, 'review-confidentiality', reviewer, { approve: true, comment: 'no secrets' });
      await h.act(handle, 'approve-decision', reviewer, { approve: true });
      await h.act(handle, 'issue-notice', clerk2, {});
      await h.act(handle, 'record-delivery', clerk2, { method: 'post', on: await h.today() });
      return handle;
    },
  },
  {
    name: 'correction-abandoned',
    applicationId: '00000000-0000-4000-8000-000000000002',
    async run(h) {
      const { handle, receivedOn } = await h.openFixed(this.applicationId);
      await h.act(handle, 'request-correction', clerk, { items: ['name the project'], periodDays: 3 });
      await h.sleepUntil(wd(receivedOn, 3), 24, 1);
      await h.eventually(handle, (x) => x?.status === 'closed');
      return handle;
    },
  },
  {
    name: 'consultation-extension',
    applicationId: '00000000-0000-4000-8000-000000000003',
    async run(h) {
      const { handle, receivedOn } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
      await h.sleepUntil(wd(receivedOn, 2), 10);
      const sentOn = await h.today();
      await h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: '某公司', sentOn });
      await h.sleepUntil(wd(sentOn, 4), 10);
      const repliedOn = await h.today();
      await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn: repliedOn, position: 'objection', reasons: 'trade secret' });
      await h.act(handle, 'request-extension', clerk, { reason: 'many archives to search' });
      await h.act(handle, 'decide-extension', supervisor, { approve: true, comment: 'approved' });
      await handle.signal(calendarUpdatedSignal, { version: 'db-2' });
      await h.act(handle, 'draft-decision', clerk, { replyKind: 'not-exist', reasons: 'no such plan was ever made' });
      await h.act(handle, 'approve-decision', reviewer, { approve: true });
      await h.act(handle, 'issue-notice', clerk, {});
      await h.act(handle, 'record-delivery', clerk, { method: 'electronic', on: await h.today() });
      return handle;
    },
  },
  {
    name: 'online-confirmed-withdrawn',
    applicationId: '00000000-0000-4000-8000-000000000004',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId, { awaitingConfirmation: true });
      const today = await h.today();
      await h.act(handle, 'confirm-receipt', clerk, { receivedOn: today });
      await h.act(handle, 'request-correction', clerk, { items: ['name the project', 'sign the form'] });
      await h.sleepUntil(wd(today, 3), 10);
      await h.act(handle, 'receive-correction', clerk, { receivedOn: await h.today() });
      await h.act(handle, 'withdraw', clerk, { on: await h.today(), reason: 'no longer needed' });
      return handle;
    },
  },
  {
    name: 'petition-confirmed',
    applicationId: '00000000-0000-4000-8000-000000000005',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'petition' });
      await h.act(handle, 'confirm-petition', supervisor, { approve: true });
      await h.act(handle, 'issue-notice', clerk, {});
      await h.act(handle, 'record-delivery', clerk, { method: 'electronic', on: await h.today() });
      return handle;
    },
  },
  {
    name: 'overdue-reminders-escalation',
    applicationId: '00000000-0000-4000-8000-000000000006',
    async run(h) {
      const { handle, receivedOn } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', supervisor, { assignee: 'clerk2' });
      const dueOn = wd(receivedOn, 20);
      await h.sleepUntil(wd(dueOn, 2), 10);
      await h.eventually(handle, (x) => x?.deadline?.overdue === true);
      await h.act(handle, 'draft-decision', clerk2, { replyKind: 'not-exist', reasons: 'no such plan was ever made' });
      await h.act(handle, 'approve-decision', reviewer2, { approve: true });
      await h.act(handle, 'issue-notice', clerk2, {});
      await h.act(handle, 'record-delivery', clerk2, { method: 'in_person', on: wd(dueOn, 2) });
      return handle;
    },
  },
  {
    // Recorded from the 'letter-failures' patch on: the reply letter fails (a broken template), the
    // case goes back to approval, a supervisor re-issues it, then it is delivered.
    name: 'reply-letter-reissued',
    applicationId: '00000000-0000-4000-8000-000000000007',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
      await h.act(handle, 'draft-decision', clerk, {
        replyKind: 'refuse',
        reasons: 'the map shows protected facilities',
        parts: [{ description: 'facility map', disposition: 'withhold', ground: 'security-stability' }],
      });
      await h.act(handle, 'approve-decision', reviewer, { approve: true });
      h.store.failLetters = new Set(['reply-refuse']);
      try {
        await h.act(handle, 'issue-notice', clerk, {});
      } finally {
        h.store.failLetters = undefined;
      }
      await h.act(handle, 'reissue-notice', supervisor, { comment: 'template fixed' });
      await h.act(handle, 'record-delivery', clerk, { method: 'post', on: await h.today() });
      return handle;
    },
  },
  {
    // From 'law-round-three': a per-volume fee computed from the pages, its notice delivered days
    // later (the payment period runs from the day after), paid, then the reply.
    name: 'fee-paid',
    applicationId: '00000000-0000-4000-8000-000000000008',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
      await h.act(handle, 'draft-decision', clerk, {
        replyKind: 'disclose',
        reasons: 'held by this office; 150 pages of copies',
        parts: [{ description: 'plan', disposition: 'disclose' }],
        provision: { form: 'paper copies', method: 'post', medium: 'paper' },
        fee: { basis: 'per-volume', count: 150 },
      });
      await h.act(handle, 'review-confidentiality', reviewer, { approve: true });
      await h.act(handle, 'approve-decision', reviewer, { approve: true });
      const deliveredOn = wd(await h.today(), 2);
      await h.sleepUntil(wd(await h.today(), 3), 10);
      await h.act(handle, 'record-delivery', clerk, { method: 'post', on: deliveredOn });
      await h.act(handle, 'record-payment', clerk, { paidOn: await h.today() });
      await h.act(handle, 'issue-notice', clerk, {});
      await h.act(handle, 'record-delivery', clerk, { method: 'post', on: await h.today() });
      return handle;
    },
  },
  {
    // From 'law-round-three': ordinary mail not confirmed on its arrival day (flagged, reminded),
    // confirmed late, then withdrawn.
    name: 'mail-confirmed-late',
    applicationId: '00000000-0000-4000-8000-000000000009',
    async run(h) {
      const arrivedOn = wd(await h.today(), 1);
      await h.sleepUntil(arrivedOn, 10);
      const { handle } = await h.openFixed(this.applicationId, { awaitingConfirmation: true, channel: 'mail' });
      await h.sleepUntil(wd(arrivedOn, 1), 11);
      await h.eventually(handle, (v) => v?.history.some((s) => s.type === 'confirmation_overdue') === true);
      await h.act(handle, 'confirm-receipt', clerk, { receivedOn: await h.today() });
      await h.act(handle, 'withdraw', clerk, { on: await h.today(), reason: 'no longer needed' });
      return handle;
    },
  },
  {
    // From 'law-round-three': a third party objects, the office discloses for the public interest and
    // tells the third party in writing.
    name: 'third-party-overridden',
    applicationId: '00000000-0000-4000-8000-00000000000a',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      const today = await h.today();
      await h.act(handle, 'triage', clerk, { outcome: 'accept' });
      await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
      await h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: 'a building company', sentOn: today });
      await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn: today, position: 'objection', reasons: 'trade secret' });
      await h.act(handle, 'draft-decision', clerk, {
        replyKind: 'disclose',
        reasons: 'emission data',
        parts: [{ description: 'emission data', disposition: 'disclose' }],
        publicInterest: 'drinking water safety of the neighbourhood',
      });
      await h.act(handle, 'review-confidentiality', reviewer, { approve: true });
      await h.act(handle, 'approve-decision', reviewer, { approve: true });
      await h.act(handle, 'issue-notice', clerk, {});
      await h.act(handle, 'record-delivery', clerk, { method: 'post', on: await h.today() });
      return handle;
    },
  },
  {
    // From 'law-round-three': a justified reason extends the correction period, which then runs out.
    name: 'correction-reason-abandoned',
    applicationId: '00000000-0000-4000-8000-00000000000b',
    async run(h) {
      const { handle } = await h.openFixed(this.applicationId);
      const requested = await h.act(handle, 'request-correction', clerk, { items: ['name the document'] });
      const respondBy = requested.correction!.respondBy;
      await h.act(handle, 'record-correction-reason', clerk, { reason: 'in hospital', extraDays: 5 });
      await h.sleepUntil(wd(wd(respondBy, 5), 1), 10);
      await h.eventually(handle, (v) => v?.status === 'closed');
      return handle;
    },
  },
];
