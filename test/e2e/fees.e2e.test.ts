import request from 'supertest';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

// Issue 15 point 6 end to end: a per-application fee counts the applicant's applications in the
// calendar month (the API counts them), the engine computes the amount, nothing is typed in.
describe('fees through the API (国办函〔2020〕109号)', () => {
  let stack: Stack;
  let as: AuthHeaders;

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'reviewer']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body);
  const submit = async (phone: string) => {
    const s = inPersonSubmission('费用测试申请人');
    s.applicant.contact.phone = phone;
    const r = await request(stack.http).post('/api/applications').set(as('clerk')).send(s).expect(201);
    const id: string = r.body.id;
    await act(id, 'triage', 'clerk', { outcome: 'accept' }).expect(200);
    await act(id, 'assign', 'clerk', { assignee: 'clerk', department: 'OGI' }).expect(200);
    return id;
  };
  const draft = { replyKind: 'disclose', reasons: '予以公开', provision: { form: '纸质', method: '邮寄', medium: 'paper' } };

  it('counts the applicant’s applications in the month: the 10th is free, the 11th costs CNY 100', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push(await submit(phone));
    // Another applicant's application in the same month does not count.
    await submit(`137${String(Date.now()).slice(-8)}`);

    const free = await act(ids[9], 'draft-decision', 'clerk', { ...draft, fee: { basis: 'per-application' } }).expect(400);
    expect(free.body.message).toMatch(
      /body\.fee\.count: the applicant's applications 1-10 in a calendar month are free \(this is number 10\)/,
    );
    const typed = await act(ids[10], 'draft-decision', 'clerk', { ...draft, fee: { basis: 'per-application', count: 30 } }).expect(400);
    expect(typed.body.message).toEqual([expect.stringMatching(/^body\.fee\.count: .*the engine counts them, leave it out/)]);
    const amount = await act(ids[10], 'draft-decision', 'clerk', { ...draft, fee: { basis: 'per-application', amount: 100 } }).expect(400);
    expect(amount.body.message).toEqual(expect.arrayContaining(['body.fee.amount: is not an allowed field']));

    const drafted = await act(ids[10], 'draft-decision', 'clerk', { ...draft, fee: { basis: 'per-application' } }).expect(200);
    expect(drafted.body.decision.fee).toEqual({ basis: 'per-application', count: 11, amount: 100 });
    await act(ids[10], 'review-confidentiality', 'reviewer', { approve: true }).expect(200);
    const pending = await act(ids[10], 'approve-decision', 'reviewer', { approve: true }).expect(200);
    expect(pending.body).toMatchObject({ status: 'fee_pending', fee: { payBy: '', amount: 100 } });
  });

  it('refuses a per-volume fee where nothing is supplied on paper or as copied data', async () => {
    const id = await submit(`136${String(Date.now()).slice(-8)}`);
    const r = await act(id, 'draft-decision', 'clerk', {
      ...draft,
      provision: { form: '电子文档', method: '电子邮件', medium: 'electronic' },
      fee: { basis: 'per-volume', count: 120 },
    }).expect(400);
    expect(r.body.message).toMatch(/per-volume fees only where paper or copied data is supplied/);
  });
});
