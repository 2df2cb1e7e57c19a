// Replay verification of a period as a background job: the request returns at once with the
// job, a workflow replays the closed cases a page at a time, and the auditor follows the
// progress and reads the result. Office-scoped; a retried start with its key starts nothing new.
import request from 'supertest';
import { workflowIdFor } from '../../libs/contracts/application';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('replay jobs: a period replayed as a workflow, with progress', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const today = shanghaiDate(Date.now());
  const closed: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    await addOtherPlaces(stack);
    // A supervisor of the other office.
    await request(stack.http)
      .post('/api/admin/users')
      .set((await loginAll(stack, ['admin']))('admin'))
      .send({
        username: 'tc.supervisor',
        displayName: '郯城督办',
        role: 'supervisor',
        officeCode: 'TANCHENG',
        departmentCode: 'OGI',
        password: DEFAULT_DEMO_PASSWORD,
      })
      .expect(201);
    as = await loginAll(stack, ['clerk', 'auditor', 'supervisor', 'tc.supervisor']);
    for (const name of ['甲', '乙', '丙']) {
      const { id } = (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission(name)).expect(201)).body;
      await request(stack.http).post(`/api/applications/${id}/actions/withdraw`).set(as('clerk')).send({ on: today }).expect(200);
      await stack.temporal.workflow.getHandle(workflowIdFor(id)).result();
      closed.push(id);
    }
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const start = (who: string, body: object, key?: string) => {
    const r = request(stack.http).post('/api/audit/replay-jobs').set(as(who));
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };

  it('starts at once, replays every closed case of the period in the background, and reports them', async () => {
    const started = await start('auditor', { closedFrom: today, closedTo: nextDay(today) }, 'replay-job-0001').expect(202);
    expect(started.body).toMatchObject({ id: expect.stringMatching(/^replay-/), total: 3, startedBy: 'auditor', closedFrom: today });
    const id = started.body.id as string;
    const seen: number[] = [];
    const job = await waitFor(
      async () => {
        const r = await request(stack.http).get(`/api/audit/replay-jobs/${id}`).set(as('auditor')).expect(200);
        seen.push(r.body.done);
        return r.body;
      },
      (j) => j.status === 'completed',
      60_000,
    );
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1])).toBe(true); // progress only grows
    expect(job).toMatchObject({ status: 'completed', total: 3, done: 3, ok: 3, failed: 0, failures: [], finishedAt: expect.any(String) });
    const rows = await stack.dataSource.query('SELECT application_id, ok FROM replay_job_cases WHERE job_id = $1 ORDER BY application_id', [
      id,
    ]);
    expect(rows).toEqual([...closed].sort().map((application_id) => ({ application_id, ok: true })));
    // It ran as its own workflow.
    const run = await stack.temporal.workflow.getHandle(id).describe();
    expect(run.type).toBe('replayVerifyWorkflow');

    // A retry with the same key is the same job; another period under the key is refused.
    const again = await start('auditor', { closedFrom: today, closedTo: nextDay(today) }, 'replay-job-0001').expect(202);
    expect(again.body.id).toBe(id);
    await start('auditor', { closedFrom: '2025-01-01', closedTo: nextDay(today) }, 'replay-job-0001').expect(409);
    const list = await request(stack.http).get('/api/audit/replay-jobs').set(as('supervisor')).expect(200);
    expect(list.body.map((j: { id: string }) => j.id)).toContain(id);
  });

  it('names the field of a bad period, refuses other roles, and hides a job from another office', async () => {
    const bad: [object, string][] = [
      [{ closedTo: today }, 'closedFrom: must be a date YYYY-MM-DD or an ISO date-time with offset'],
      [{ closedFrom: '2026-02-30', closedTo: today }, 'closedFrom: must be a date YYYY-MM-DD or an ISO date-time with offset'],
      [{ closedFrom: today, closedTo: today }, 'closedTo: must be after closedFrom'],
    ];
    for (const [body, message] of bad) {
      const res = await start('auditor', body).expect(400);
      expect(res.body.message).toEqual([message]);
    }
    await start('clerk', { closedFrom: today, closedTo: nextDay(today) }).expect(403);
    const { id } = (await start('supervisor', { closedFrom: today, closedTo: nextDay(today) }).expect(202)).body;
    await request(stack.http).get(`/api/audit/replay-jobs/${id}`).set(as('tc.supervisor')).expect(404);
    expect((await request(stack.http).get('/api/audit/replay-jobs').set(as('tc.supervisor')).expect(200)).body).toEqual([]);
    await request(stack.http).get('/api/audit/replay-jobs/replay-unknown').set(as('auditor')).expect(404);
  });
});
