import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { closedCasesPage, parsePeriodBound, verifyReplay } from '../../apps/worker/replay-verify';
import { workflowIdFor } from '../../libs/contracts/application';
import { shanghaiDate } from '../../libs/time/shanghai';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

const root = join(__dirname, '..', '..');
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('replay verification: recorded case histories against the current workflow code', () => {
  let stack: Stack;
  let as: AuthHeaders;
  let id: string;
  let withdrawnId: string;

  const act = (name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body).expect(200);
  const replay = (username: string, body: object) => request(stack.http).post('/api/audit/replay').set(as(username)).send(body);

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'reviewer', 'supervisor', 'auditor']);
    const today = shanghaiDate(Date.now());
    const created = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    id = created.body.id;
    await act('triage', 'clerk', { outcome: 'accept' });
    await act('assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act('record-search', 'clerk', { summary: 'found in the archive' });
    await act('draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held by this office and not exempt',
      provision: { form: 'paper', method: 'post' },
    });
    await act('approve-decision', 'reviewer', { approve: true });
    await act('review-confidentiality', 'reviewer', { approve: true, comment: 'no secrets' });
    await act('issue-notice', 'clerk', {});
    const closed = await act('record-delivery', 'clerk', { method: 'post', on: today });
    expect(closed.body).toMatchObject({ status: 'closed' });
    await stack.temporal.workflow.getHandle(workflowIdFor(id)).result();
    // A second case closed today (withdrawn), so a period has two pages of one.
    withdrawnId = (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('李四')).expect(201)).body
      .id;
    const withdrawn = await request(stack.http)
      .post(`/api/applications/${withdrawnId}/actions/withdraw`)
      .set(as('clerk'))
      .send({ on: today })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
    await stack.temporal.workflow.getHandle(workflowIdFor(withdrawnId)).result();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('replays one closed case for an auditor', async () => {
    const res = await replay('auditor', { applicationId: id }).expect(200);
    expect(res.body).toEqual({ checked: 1, ok: 1, failures: [], truncated: false, next: null });
  }, 120_000);

  it('replays the cases closed in a period for a supervisor', async () => {
    const today = shanghaiDate(Date.now());
    const res = await replay('supervisor', { closedFrom: today, closedTo: nextDay(today) }).expect(200);
    expect(res.body).toEqual({ checked: 2, ok: 2, failures: [], truncated: false, next: null });
    const empty = await replay('auditor', { closedFrom: '2020-01-01', closedTo: '2020-02-01' }).expect(200);
    expect(empty.body).toEqual({ checked: 0, ok: 0, failures: [], truncated: false, next: null });
  });

  it('replays a period at most `limit` cases per call, in closing order, and continues from `next`', async () => {
    const today = shanghaiDate(Date.now());
    const period = { closedFrom: today, closedTo: nextDay(today) };
    const first = await replay('auditor', { ...period, limit: 1 }).expect(200);
    expect(first.body).toEqual({ checked: 1, ok: 1, failures: [], truncated: true, next: expect.any(String) });
    const second = await replay('auditor', { ...period, limit: 1, cursor: first.body.next }).expect(200);
    expect(second.body).toEqual({ checked: 1, ok: 1, failures: [], truncated: false, next: null });
    // The pages follow the closing order: the disclosed case closed first, the withdrawn one later.
    const bounds = { from: parsePeriodBound(today)!, to: parsePeriodBound(nextDay(today))! };
    const page1 = await closedCasesPage(stack.dataSource, { ...bounds, limit: 1 });
    expect(page1.workflowIds).toEqual([workflowIdFor(id)]);
    const page2 = await closedCasesPage(stack.dataSource, { ...bounds, limit: 1, after: page1.next });
    expect(page2).toEqual({ workflowIds: [workflowIdFor(withdrawnId)], ids: [withdrawnId], next: null });

    const refused: [object, string][] = [
      [{ ...period, limit: 0 }, 'limit: must be an integer from 1 to 500'],
      [{ ...period, limit: 501 }, 'limit: must be an integer from 1 to 500'],
      [{ ...period, limit: 1.5 }, 'limit: must be an integer from 1 to 500'],
      [{ ...period, limit: '10' }, 'limit: must be an integer from 1 to 500'],
      [{ ...period, cursor: 'not a cursor' }, 'cursor: is not a cursor returned as `next` by a previous replay'],
      [
        { closedFrom: '2026-01-01', closedTo: nextDay(today), cursor: first.body.next },
        'cursor: belongs to another period; give the closedFrom and closedTo it was returned for',
      ],
      [{ applicationId: id, limit: 10 }, 'limit: only for a period (closedFrom and closedTo)'],
      [{ applicationId: id, cursor: first.body.next }, 'cursor: only for a period (closedFrom and closedTo)'],
    ];
    for (const [body, message] of refused) {
      const res = await replay('auditor', body).expect(400);
      expect({ body, message: res.body.message }).toEqual({ body, message: expect.arrayContaining([message]) });
    }
  }, 120_000);

  it('is refused to a clerk', async () => {
    await replay('clerk', { applicationId: id }).expect(403);
    await request(stack.http).post('/api/audit/replay').send({ applicationId: id }).expect(401);
  });

  it('rejects a bad body with 400 naming the field, and an unknown case with 404', async () => {
    const cases: [object, string][] = [
      [{}, 'applicationId: required unless closedFrom and closedTo are given'],
      [{ applicationId: 'nope' }, 'applicationId: must be a UUID'],
      [{ closedFrom: '2026-02-30', closedTo: '2026-03-01' }, 'closedFrom: must be a date YYYY-MM-DD or an ISO date-time with offset'],
      [{ closedFrom: '2026-01-01' }, 'closedTo: required with closedFrom'],
      [{ closedFrom: '2026-02-01', closedTo: '2026-01-01' }, 'closedTo: must be after closedFrom'],
      [{ applicationId: id, closedTo: '2026-01-01' }, 'closedTo: give either applicationId or closedFrom and closedTo, not both'],
      [{ applicationId: id, extra: 1 }, 'extra: is not an allowed field'],
    ];
    for (const [body, message] of cases) {
      const res = await replay('auditor', body).expect(400);
      expect({ body, message: res.body.message }).toEqual({ body, message: expect.arrayContaining([message]) });
    }
    await replay('auditor', { applicationId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });

  it('reports a divergence per case when the workflow code no longer fits the history', async () => {
    const workflowId = workflowIdFor(id);
    const report = await verifyReplay(stack.temporal, [workflowId, 'application-no-such-case'], {
      workflowsPath: require.resolve('../fixtures/divergent.workflow'),
    });
    expect(report).toMatchObject({ checked: 2, ok: 0 });
    expect(report.failures).toEqual([
      { workflowId: 'application-no-such-case', kind: 'missing', error: expect.stringContaining('no history') },
      { workflowId, kind: 'divergence', error: expect.stringMatching(/Nondeterminism|Determinism/i) },
    ]);
  }, 120_000);

  it('CLI: replay --id exits 0, a period exits 0, bad input exits 2 naming the flag', () => {
    const env = { ...process.env, DATABASE_URL: stack.config.databaseUrl, TEMPORAL_ADDRESS: stack.config.temporal.address };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'scripts', 'run-ts.js'), 'apps/cli/main.ts', 'replay', ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 90_000,
      });
    const one = cli('--id', id);
    expect({ code: one.status, stderr: one.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(one.stdout)).toEqual({ checked: 1, ok: 1, failures: [] });
    const today = shanghaiDate(Date.now());
    const period = cli('--closed-from', today, '--closed-to', nextDay(today));
    expect(period.status).toBe(0);
    expect(JSON.parse(period.stdout)).toEqual({ checked: 2, ok: 2, failures: [], pages: 1 });
    // Every page is replayed: two pages of one case.
    const paged = cli('--closed-from', today, '--closed-to', nextDay(today), '--page-size', '1');
    expect({ code: paged.status, stderr: paged.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(paged.stdout)).toEqual({ checked: 2, ok: 2, failures: [], pages: 2 });
    const bad = cli('--closed-from', 'yesterday', '--closed-to', today);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--closed-from: must be a date YYYY-MM-DD/);
    const badSize = cli('--closed-from', today, '--closed-to', nextDay(today), '--page-size', '0');
    expect(badSize.status).toBe(2);
    expect(badSize.stderr).toMatch(/^--page-size: must be an integer from 1 to 500/);
  }, 180_000);
});
