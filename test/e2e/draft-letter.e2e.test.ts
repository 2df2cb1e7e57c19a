import request from 'supertest';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

// Issue 16 point 5: the letter a draft will produce, previewed before it is approved; nothing is stored.
describe('draft letter preview', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body);

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'supervisor', 'reviewer']);
  });
  afterAll(() => stack?.stop());

  it('renders the reply of the current draft as HTML without a number and without storing a letter', async () => {
    const created = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('孙七')).expect(201);
    const id: string = created.body.id;
    await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' }).expect(200);

    const none = await request(stack.http).get(`/api/applications/${id}/draft-letter`).set(as('reviewer')).expect(409);
    expect(none.body.code).toBeDefined();

    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: '该请示尚在研究之中',
      parts: [{ description: '关于拆迁补偿的请示', disposition: 'withhold', ground: 'process-information' }],
    }).expect(200);
    const before = await stack.dataSource.query('SELECT count(*)::int AS n FROM notices WHERE application_id = $1', [id]);
    const res = await request(stack.http).get(`/api/applications/${id}/draft-letter`).set(as('reviewer')).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('孙七');
    expect(res.text).toContain('关于拆迁补偿的请示');
    expect(res.text).toContain('（编号待定）');
    const after = await stack.dataSource.query('SELECT count(*)::int AS n FROM notices WHERE application_id = $1', [id]);
    expect(after[0].n).toBe(before[0].n);

    await request(stack.http).get(`/api/applications/${id}/draft-letter`).expect(401);
  });
});
