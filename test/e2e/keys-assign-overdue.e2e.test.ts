// Idempotency keys belong to the user who sent them; an assignment names an active clerk
// of the case's office and moves the case to the clerk's department; "overdue" is the
// same in the list, its filter, the inbox and the board from the first day past due.
import request from 'supertest';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

describe('idempotency keys, assignment and overdue', () => {
  let stack: Stack;
  let as: AuthHeaders;

  const submit = (who: string, key: string, body: object) =>
    request(stack.http).post('/api/applications').set(as(who)).set('Idempotency-Key', key).send(body);
  const act = (who: string, id: string, name: string, body: object, key?: string) => {
    const req = request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(who));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const applicationsCount = async () => (await stack.dataSource.query('SELECT count(*)::int AS n FROM applications'))[0].n as number;

  beforeAll(async () => {
    stack = await startStack();
    await addOtherPlaces(stack, [['gone.clerk', 'LINYI', 'OGI']]);
    const admin = await loginAll(stack, ['admin']);
    await request(stack.http).patch('/api/admin/users/gone.clerk').set(admin('admin')).send({ active: false }).expect(200);
    as = await loginAll(stack, ['clerk', 'env.clerk', 'supervisor']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('Idempotency-Key', () => {
    it('same user, key and body: the same application; another body: 409 naming the key, nothing written', async () => {
      const body = inPersonSubmission('王五', '申请公开2025年城区道路改造资金使用情况');
      const first = await submit('clerk', 'intake-key-0001', body).expect(201);
      const again = await submit('clerk', 'intake-key-0001', { ...body }).expect(201);
      expect(again.body).toEqual(first.body);
      const before = await applicationsCount();
      const other = await submit('clerk', 'intake-key-0001', inPersonSubmission('赵六', '另一份申请')).expect(409);
      expect(other.body.message).toMatch(/^Idempotency-Key: intake-key-0001 was already used/);
      expect(await applicationsCount()).toBe(before);
    });

    it("another user's key never returns someone else's case", async () => {
      const body = inPersonSubmission('钱七', '申请公开某小区加装电梯补贴名单');
      const mine = await submit('clerk', 'shared-key-0002', body).expect(201);
      const theirs = await submit('env.clerk', 'shared-key-0002', body).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.body.registrationNumber).not.toBe(mine.body.registrationNumber);
      // env.clerk's case is their own: the clerk of another department does not see it.
      await request(stack.http).get(`/api/applications/${theirs.body.id}`).set(as('env.clerk')).expect(200);
    });

    it('a step retried with its key is applied once; the key with another body is 409', async () => {
      const { body: c } = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
      const triage = await act('clerk', c.id, 'triage', { outcome: 'accept' }, 'step-key-0001').expect(200);
      const retried = await act('clerk', c.id, 'triage', { outcome: 'accept' }, 'step-key-0001').expect(200);
      expect(retried.body).toEqual(triage.body);
      const [{ n }] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM case_events WHERE application_id = $1 AND type = 'triage'`,
        [c.id],
      );
      expect(n).toBe(1);
      const changed = await act('clerk', c.id, 'triage', { outcome: 'accept', comment: '另一次' }, 'step-key-0001').expect(409);
      expect(changed.body.message).toMatch(/^Idempotency-Key: step-key-0001 was already used for a different triage/);
    });
  });

  describe('assign', () => {
    let id: string;
    beforeAll(async () => {
      const { body } = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
      id = body.id;
      await act('clerk', id, 'triage', { outcome: 'accept' }).expect(200);
    });

    it.each([
      [{ assignee: 'no-such-user' }, "body.assignee: no-such-user is not a user of the case's office"],
      [{ assignee: 'auditor' }, 'body.assignee: auditor is a auditor; cases are assigned to clerks'],
      [{ assignee: 'reviewer' }, 'body.assignee: reviewer is a reviewer; cases are assigned to clerks'],
      [{ assignee: 'tc.clerk' }, "body.assignee: tc.clerk is not a user of the case's office"],
      [{ assignee: 'gone.clerk' }, 'body.assignee: gone.clerk is deactivated; assign an active clerk'],
      [{ assignee: 'clerk', department: 'ENV' }, expect.stringMatching(/^body.department: clerk belongs to department OGI, not ENV/)],
      [
        { assignee: 'clerk', department: 'NOWHERE' },
        expect.stringMatching(/^body.department: clerk belongs to department OGI, not NOWHERE/),
      ],
    ])('refuses %j with a 400 naming the field', async (body, message) => {
      const res = await act('supervisor', id, 'assign', body).expect(400);
      expect(res.body.message).toEqual([message]);
      const [row] = await stack.dataSource.query('SELECT status, assignee, department_id FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'triage', assignee: null, department_id: null });
    });

    it("moves the case to the assignee's department, so the assignee sees it and the other department does not", async () => {
      await act('supervisor', id, 'assign', { assignee: 'env.clerk' }).expect(200);
      const [row] = await stack.dataSource.query(
        `SELECT a.assignee, a.department_code, d.code AS dept FROM applications a JOIN departments d ON d.id = a.department_id WHERE a.id = $1`,
        [id],
      );
      expect(row).toEqual({ assignee: 'env.clerk', department_code: 'ENV', dept: 'ENV' });
      await request(stack.http).get(`/api/applications/${id}`).set(as('env.clerk')).expect(200);
      await request(stack.http).get(`/api/applications/${id}`).set(as('clerk')).expect(404);
    });
  });

  describe('overdue', () => {
    it('is true in the list, its filter, the inbox and the board from the first day after the due day', async () => {
      const { body: c } = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('孙八')).expect(201);
      await act('clerk', c.id, 'triage', { outcome: 'accept' }).expect(200);
      await act('clerk', c.id, 'assign', { assignee: 'clerk' }).expect(200);
      // The row as it stands between midnight after the due day and the next projected step:
      // the due day has passed, the stored flag still says not overdue.
      const yesterday = shanghaiDate(Date.now() - 86_400_000);
      await stack.dataSource.query('UPDATE applications SET due_on = $2, overdue = false WHERE id = $1', [c.id, yesterday]);

      const list = await request(stack.http).get('/api/applications?pageSize=100').set(as('clerk')).expect(200);
      expect(list.body.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ dueOn: yesterday, overdue: true });
      const late = await request(stack.http).get('/api/applications?overdue=true&pageSize=100').set(as('clerk')).expect(200);
      expect(late.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
      const onTime = await request(stack.http).get('/api/applications?overdue=false&pageSize=100').set(as('clerk')).expect(200);
      expect(onTime.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
      expect(onTime.body.total + late.body.total).toBe(list.body.total);

      const inbox = await request(stack.http).get('/api/me/inbox').set(as('clerk')).expect(200);
      expect(inbox.body.items[0]).toMatchObject({ id: c.id, overdue: true });
      const board = await request(stack.http).get('/api/supervision/board').set(as('supervisor')).expect(200);
      expect(JSON.stringify(board.body.overdue)).toContain(c.id);
      expect(JSON.stringify(board.body.dueSoon)).not.toContain(c.id);
    });
  });
});
