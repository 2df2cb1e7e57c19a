import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { startStack, type Stack } from '../support/stack';

// Issue 16 point 4 (待确认): submissions by mail, online or fax whose receipt the office still
// has to confirm, oldest first, flagged once their arrival day has passed; confirmed ones leave the list.
describe('pending-confirmation list', () => {
  let stack: Stack;
  const tokens: Record<string, string> = {};
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const submit = async (channel: string, name: string, extra: object = {}): Promise<{ id: string; status: string }> =>
    (
      await request(stack.http)
        .post('/api/applications')
        .set(as('clerk'))
        .send({ channel, applicant: { type: 'natural_person', name, contact: {} }, request: { description: `${name}的申请` }, ...extra })
        .expect(201)
    ).body;

  beforeAll(async () => {
    stack = await startStack();
    for (const username of ['clerk', 'supervisor']) {
      const res = await request(stack.http).post('/api/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }).expect(200);
      tokens[username] = res.body.accessToken;
    }
  });
  afterAll(() => stack?.stop());

  it('lists unconfirmed submissions oldest first, flags those past their arrival day, and drops confirmed ones', async () => {
    const today = shanghaiDate(Date.now());
    const fresh = await submit('online', '李四');
    const old = await submit('fax', '王五');
    const handedIn = await submit('in_person', '赵六', { receivedOn: today });
    expect([fresh.status, old.status]).toEqual(['awaiting_confirmation', 'awaiting_confirmation']);
    expect(handedIn.status).not.toBe('awaiting_confirmation');
    // The fax arrived three days ago and nobody confirmed it.
    await stack.dataSource.query(`UPDATE applications SET arrived_at = now() - interval '3 days' WHERE id = $1`, [old.id]);

    const list = async (username: string) =>
      (await request(stack.http).get('/api/applications/pending-confirmation').set(as(username)).expect(200)).body;
    const body = await list('clerk');
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([old.id, fresh.id]);
    expect(body.overdue).toBe(1);
    expect(body.truncated).toBe(false);
    expect(body.items[0]).toMatchObject({ channel: 'fax', confirmationOverdue: true, applicant: { name: '王五' } });
    expect(body.items[0].arrivalDay < today).toBe(true);
    expect(body.items[1]).toMatchObject({ channel: 'online', confirmationOverdue: false, arrivalDay: today });
    expect((await list('supervisor')).items).toHaveLength(2);

    await request(stack.http)
      .post(`/api/applications/${old.id}/actions/confirm-receipt`)
      .set(as('clerk'))
      .send({ receivedOn: today })
      .expect(200);
    const after = await list('clerk');
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([fresh.id]);
    expect(after.overdue).toBe(0);

    // Without a login there is no list; the error carries its code.
    const anon = await request(stack.http).get('/api/applications/pending-confirmation').expect(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
  });
});
