import request from 'supertest';
import { shanghaiDate } from '../../libs/time/shanghai';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

describe('case actions through API + worker + Temporal dev server + PostgreSQL', () => {
  let stack: Stack;
  let as: AuthHeaders;

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'reviewer', 'supervisor']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body);

  it('drives a case through the HTTP actions to closed, and projects every step to PostgreSQL', async () => {
    const created = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    const id: string = created.body.id;

    let list = await request(stack.http).get(`/api/applications/${id}/actions`).set(as('clerk')).expect(200);
    expect(list.body.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['triage', 'request-correction', 'withdraw']),
    );

    expect((await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200)).body.status).toBe('triage');
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' }).expect(200);
    await act(id, 'record-search', 'clerk', { summary: 'found in the archive' }).expect(200);

    // Refusals name the rule and map to 409 / 403 / 400 / 404.
    const wrong = await act(id, 'request-correction', 'clerk', { items: ['x'] }).expect(409);
    expect(wrong.body.message).toBe('request-correction: not allowed in status searching');
    const role = await act(id, 'decide-extension', 'clerk', { approve: true }).expect(403);
    expect(role.body.message).toMatch(/^decide-extension: role clerk may not do this/);
    const bad = await act(id, 'record-delivery', 'clerk', { method: 'pigeon', on: '2025-02-30', extra: 1 }).expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'body.extra: is not an allowed field',
        'body.method: must be one of in_person, post, electronic',
        'body.on: must be a date YYYY-MM-DD',
      ]),
    );
    await act('00000000-0000-4000-8000-000000000000', 'triage', 'clerk', { outcome: 'accept' }).expect(404);
    await act(id, 'dance', 'clerk', {}).expect(404);

    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held by this office and not exempt',
      provision: { form: 'paper', method: 'post' },
    }).expect(200);
    list = await request(stack.http).get(`/api/applications/${id}/actions`).set(as('reviewer')).expect(200);
    expect(list.body).toEqual([{ action: 'review-confidentiality' }, { action: 'approve-decision' }]);
    await act(id, 'approve-decision', 'reviewer', { approve: true }).expect(200);
    const unreviewed = await act(id, 'issue-notice', 'clerk', {}).expect(409);
    expect(unreviewed.body.message).toMatch(/confidentiality review/);
    await act(id, 'review-confidentiality', 'reviewer', { approve: true, comment: 'no secrets' }).expect(200);
    await act(id, 'issue-notice', 'clerk', {}).expect(200);
    const closed = await act(id, 'record-delivery', 'clerk', { method: 'post', on: shanghaiDate(Date.now()) }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'replied' });

    const [row] = await stack.dataSource.query(
      `SELECT status, outcome, reply_kind, assignee, department_code, to_char(answered_on, 'YYYY-MM-DD') AS answered_on,
              working_days_late, last_event_seq, closed_at IS NOT NULL AS closed,
              department_id = (SELECT id FROM departments WHERE code = 'OGI') AS department_linked
       FROM applications WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      status: 'closed',
      outcome: 'replied',
      reply_kind: 'disclose',
      assignee: 'clerk',
      department_code: 'OGI',
      answered_on: shanghaiDate(Date.now()),
      working_days_late: 0,
      last_event_seq: 10,
      closed: true,
      department_linked: true,
    });
    const events = await stack.dataSource.query(
      'SELECT seq, type, actor, actor_role FROM case_events WHERE application_id = $1 ORDER BY seq',
      [id],
    );
    expect(events).toEqual([
      { seq: 1, type: 'registered', actor: 'clerk', actor_role: 'clerk' },
      { seq: 2, type: 'triage', actor: 'clerk', actor_role: 'clerk' },
      { seq: 3, type: 'assign', actor: 'supervisor', actor_role: 'supervisor' },
      { seq: 4, type: 'record-search', actor: 'clerk', actor_role: 'clerk' },
      { seq: 5, type: 'draft-decision', actor: 'clerk', actor_role: 'clerk' },
      { seq: 6, type: 'approve-decision', actor: 'reviewer', actor_role: 'reviewer' },
      { seq: 7, type: 'review-confidentiality', actor: 'reviewer', actor_role: 'reviewer' },
      { seq: 8, type: 'issue-notice', actor: 'clerk', actor_role: 'clerk' },
      { seq: 9, type: 'record-delivery', actor: 'clerk', actor_role: 'clerk' },
      { seq: 10, type: 'closed', actor: 'system', actor_role: 'system' },
    ]);
    // Closed: the workflow completed, and a further step is refused.
    await act(id, 'withdraw', 'clerk', { on: shanghaiDate(Date.now()) }).expect(409);
  });

  it("takes a withheld part's ground from the published list, refuses a draft whose letter cannot be made, and counts the ground", async () => {
    const list = await request(stack.http)
      .get('/api/reference/withholding-grounds')
      .query({ regime: '2019' })
      .set(as('reviewer'))
      .expect(200);
    expect(list.body.regime).toBe('2019');
    expect(list.body.grounds.map((g: { code: string }) => g.code)).toEqual([
      'state-secret',
      'prohibited-by-law',
      'security-stability',
      'third-party-rights',
      'internal-affairs',
      'process-information',
      'enforcement-file',
      'administrative-query',
      'not-government-information',
    ]);
    expect(list.body.grounds[6]).toEqual({
      code: 'enforcement-file',
      text: '属于行政执法案卷信息',
      basis: '《中华人民共和国政府信息公开条例》第十六条第二款',
      annualReportRow: '三（三）7',
      partialOnly: false,
    });
    await request(stack.http).get('/api/reference/withholding-grounds').query({ regime: '2020' }).set(as('clerk')).expect(400);

    const created = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    const id: string = created.body.id;
    await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' }).expect(200);
    // Free words are no ground: refused up front, never accepted and then left without its letter.
    const words = await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: '属于内部请示',
      parts: [{ description: '请示报告', disposition: 'withhold', exemption: '请示报告' }],
    }).expect(400);
    expect(words.body.message).toEqual(expect.arrayContaining(['body.parts[0].exemption: is not an allowed field']));
    // A ground of the 2008 list only, in a 2019 case: the letter could not cite it.
    const other = await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: '涉及个人隐私',
      parts: [{ description: '住户名单', disposition: 'withhold', ground: 'privacy' }],
    }).expect(400);
    expect(other.body.message).toMatch(/^draft-decision: body\.parts\[0\]: ground "privacy" does not exist under the 2019 regime/);
    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: '该案卷系行政处罚案件的执法案卷',
      parts: [
        { description: '行政执法过程中形成的案卷', disposition: 'withhold', ground: 'enforcement-file', explanation: '案件正在办理' },
      ],
    }).expect(200);
    const [row] = await stack.dataSource.query('SELECT withholding_grounds FROM applications WHERE id = $1', [id]);
    expect(row.withholding_grounds).toEqual(['enforcement-file']);
    await act(id, 'approve-decision', 'reviewer', { approve: true }).expect(200);
    await act(id, 'issue-notice', 'clerk', {}).expect(200);
    const [letter] = await stack.dataSource.query(
      `SELECT rendered->>'text' AS text FROM notices WHERE application_id = $1 AND kind = 'reply'`,
      [id],
    );
    expect(letter.text).toContain('该信息属于行政执法案卷信息，依照《中华人民共和国政府信息公开条例》第十六条第二款的规定，不予公开');
    expect(letter.text).toContain('案件正在办理');
  });

  it('continues a case on a new worker after the old one is shut down mid-case', async () => {
    const created = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    const id: string = created.body.id;
    await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' }).expect(200);
    // The old worker held the case in its cache; the new one rebuilds it from history
    // (the server moves the case off the old worker's sticky queue after its timeout).
    await stack.restartWorker();
    await act(id, 'record-search', 'clerk', { summary: 'nothing found' }).expect(200);
    await act(id, 'draft-decision', 'clerk', { replyKind: 'not-exist', reasons: 'the office never made such a plan' }).expect(200);
    await act(id, 'approve-decision', 'reviewer', { approve: true }).expect(200);
    await act(id, 'issue-notice', 'clerk', {}).expect(200);
    const closed = await act(id, 'record-delivery', 'clerk', { method: 'post', on: shanghaiDate(Date.now()) }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'replied' });
    expect(closed.body.deadline.dueOn).toBe(created.body.dueOn);
    const [row] = await stack.dataSource.query('SELECT status, last_event_seq FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'closed', last_event_seq: 9 });
  }, 60_000);
});
