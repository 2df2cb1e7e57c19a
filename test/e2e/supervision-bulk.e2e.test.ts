// A supervisor acts on several cases of the board at once: reassigns them to one clerk (each case
// through its own assign step, refusals reported per case) and sends reminders (督办) that reach
// the handler's notifications once, however often the request is retried.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

describe('supervision: bulk reassignment and reminders', () => {
  let stack: Stack;
  let as: AuthHeaders;
  /** A case registered and accepted at triage: ready to be assigned. */
  const register = async (name: string) => {
    const { id } = (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission(name)).expect(201)).body;
    await post('clerk', `/api/applications/${id}/actions/triage`, { outcome: 'accept' }).expect(200);
    return id as string;
  };
  const assignEvents = async (id: string) =>
    (await stack.dataSource.query(`SELECT count(*)::int AS n FROM case_events WHERE application_id = $1 AND type = 'assign'`, [id]))[0]
      .n as number;
  const post = (who: string, url: string, body: object, key?: string) => {
    const r = request(stack.http).post(url).set(as(who));
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };

  beforeAll(async () => {
    stack = await startStack();
    await addOtherPlaces(stack, [
      ['ogi.clerk2', 'LINYI', 'OGI'],
      ['ogi.gone', 'LINYI', 'OGI'],
    ]);
    const admin = await loginAll(stack, ['admin']);
    await request(stack.http).patch('/api/admin/users/ogi.gone').set(admin('admin')).send({ active: false }).expect(200);
    as = await loginAll(stack, ['clerk', 'ogi.clerk2', 'env.clerk', 'supervisor', 'tc.clerk', 'admin']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reassigns two cases in one request, reports the refused ones, and a retry with the key assigns nothing twice', async () => {
    const [a, b] = [await register('甲'), await register('乙')];
    const withdrawn = await register('丙');
    await post('clerk', `/api/applications/${withdrawn}/actions/withdraw`, { on: shanghaiDate(Date.now()), reason: '申请人撤回' }).expect(
      200,
    );
    const unknown = randomUUID();
    const body = { applicationIds: [a, b, withdrawn, unknown], assignee: 'ogi.clerk2' };
    const first = await post('supervisor', '/api/supervision/reassign', body, 'bulk-reassign-0001').expect(200);
    expect(first.body).toMatchObject({ assignee: 'ogi.clerk2', reassigned: 2, refused: 2 });
    expect(first.body.results).toEqual([
      { applicationId: a, ok: true, status: 'assigned' },
      { applicationId: b, ok: true, status: 'assigned' },
      expect.objectContaining({ applicationId: withdrawn, ok: false, httpStatus: 409 }),
      expect.objectContaining({ applicationId: unknown, ok: false, httpStatus: 404 }),
    ]);
    const rows = await stack.dataSource.query(`SELECT id, assignee, department_code FROM applications WHERE id = ANY($1) ORDER BY id`, [
      [a, b],
    ]);
    expect(rows.map((r: { assignee: string; department_code: string }) => [r.assignee, r.department_code])).toEqual([
      ['ogi.clerk2', 'OGI'],
      ['ogi.clerk2', 'OGI'],
    ]);
    const again = await post('supervisor', '/api/supervision/reassign', body, 'bulk-reassign-0001').expect(200);
    expect(again.body.reassigned).toBe(2);
    expect([await assignEvents(a), await assignEvents(b)]).toEqual([1, 1]);
  });

  it('refuses every case for a deactivated assignee, and changes nothing', async () => {
    const c = await register('丁');
    const res = await post('supervisor', '/api/supervision/reassign', { applicationIds: [c], assignee: 'ogi.gone' }).expect(200);
    expect(res.body).toMatchObject({ reassigned: 0, refused: 1 });
    expect(res.body.results[0]).toMatchObject({ ok: false, httpStatus: 400, message: expect.stringContaining('ogi.gone is deactivated') });
    expect(await assignEvents(c)).toBe(0);
  });

  it('names the field and rule of a bad body, and lets only supervisors bulk-act', async () => {
    const bad = await post('supervisor', '/api/supervision/reassign', { applicationIds: [], assignee: 'ogi.clerk2' }).expect(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^applicationIds: /)]);
    const dup = randomUUID();
    const twice = await post('supervisor', '/api/supervision/reminders', { applicationIds: [dup, dup] }).expect(400);
    expect(twice.body.message).toEqual([expect.stringMatching(/^applicationIds: .*unique/)]);
    await post('clerk', '/api/supervision/reassign', { applicationIds: [randomUUID()], assignee: 'clerk' }).expect(403);
    await post('clerk', '/api/supervision/reminders', { applicationIds: [randomUUID()] }).expect(403);
  });

  it("sends a reminder to each case's handler once, marked as the supervisor's", async () => {
    const assigned = await register('戊');
    await post('supervisor', `/api/applications/${assigned}/actions/assign`, { assignee: 'ogi.clerk2' }).expect(200);
    const unassigned = await register('己');
    const body = { applicationIds: [assigned, unassigned], message: '请于本周内办结' };
    const sent = await post('supervisor', '/api/supervision/reminders', body, 'remind-key-0001').expect(200);
    expect(sent.body).toMatchObject({ sent: 2, refused: 0 });
    expect(sent.body.results.map((r: { recipient: string }) => r.recipient)).toEqual(['ogi.clerk2', 'clerk']);
    await post('supervisor', '/api/supervision/reminders', body, 'remind-key-0001').expect(200);
    const inbox = async (who: string) =>
      (await request(stack.http).get('/api/me/notifications').set(as(who)).expect(200)).body.items.filter(
        (n: { kind: string }) => n.kind === 'supervision',
      ) as { applicationId: string; sentBy: string; message: string }[];
    const mine = await inbox('ogi.clerk2');
    expect(mine.filter((n) => n.applicationId === assigned)).toEqual([
      expect.objectContaining({
        sentBy: 'supervisor',
        message: expect.stringMatching(/^督办提醒（LYZF-\d{4}-\d{5}，答复期限 \d{4}-\d{2}-\d{2}）：请于本周内办结$/),
      }),
    ]);
    // The unassigned case's reminder goes to the clerks who may see it (its department is not set yet: the intake queue).
    expect((await inbox('clerk')).filter((n) => n.applicationId === unassigned)).toHaveLength(1);
    expect(await inbox('tc.clerk')).toEqual([]);
    const [{ n }] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'supervision' AND application_id = ANY($1)`,
      [[assigned, unassigned]],
    );
    expect(n).toBe(2);
  });

  it('exports a statistics table as CSV, and names a missing or unknown table', async () => {
    const url = '/api/supervision/stats?from=2026-01-01&to=2026-12-31&format=csv';
    const csv = await request(stack.http).get(`${url}&table=open-by-age`).set(as('supervisor')).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFF已收到工作日数,在办件数');
    const bad = await request(stack.http).get(`${url}&table=pie`).set(as('supervisor')).expect(400);
    expect(bad.body.message).toMatch(/^table: with format=csv, must be one of received, /);
    await request(stack.http).get(`${url}&table=received`).set(as('clerk')).expect(403);
  });

  it('lists the active clerks with their department and open cases, to choose whom to give cases to', async () => {
    const res = await request(stack.http).get('/api/supervision/clerks').set(as('supervisor')).expect(200);
    const clerks = res.body as { username: string; department: string | null; openCases: number }[];
    const names = clerks.map((c) => c.username);
    expect(names).toEqual(expect.arrayContaining(['clerk', 'ogi.clerk2']));
    expect(names).not.toContain('ogi.gone'); // deactivated
    expect(names).not.toContain('tc.clerk'); // another office
    const [{ n }] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM applications WHERE assignee = 'ogi.clerk2' AND status <> 'closed'`,
    );
    expect(clerks.find((c) => c.username === 'ogi.clerk2')).toMatchObject({ department: 'OGI', openCases: n });
    await request(stack.http).get('/api/supervision/clerks').set(as('clerk')).expect(403);
  });

  it('lists the open cases a user holds, for the warning before deactivating them', async () => {
    const held = await request(stack.http).get('/api/admin/users/ogi.clerk2/open-cases').set(as('admin')).expect(200);
    const [{ n }] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM applications WHERE assignee = 'ogi.clerk2' AND status <> 'closed'`,
    );
    expect(n).toBeGreaterThanOrEqual(3);
    expect(held.body).toMatchObject({ username: 'ogi.clerk2', count: n });
    expect(held.body.items).toHaveLength(n);
    expect(held.body.items[0]).toEqual({
      id: expect.any(String),
      registrationNumber: expect.stringMatching(/^LYZF-/),
      status: 'assigned',
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      departmentCode: 'OGI',
    });
    await request(stack.http).get('/api/admin/users/nobody/open-cases').set(as('admin')).expect(404);
    await request(stack.http).get('/api/admin/users/ogi.clerk2/open-cases').set(as('supervisor')).expect(403);
  });
});
