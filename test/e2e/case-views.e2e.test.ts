import ExcelJS from 'exceljs';
import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { startStack, type Stack } from '../support/stack';

// Issue 5: the lists, inboxes, supervision board and statistics, the auditor's
// timeline and the annual report, over cases driven through the HTTP actions.
describe('case views: list, inbox, notifications, supervision, timeline, annual report', () => {
  let stack: Stack;
  const tokens: Record<string, string> = {};
  const today = shanghaiDate(Date.now());
  const year = today.slice(0, 4);
  let closedId = '';
  let draftedId = '';
  let otherDeptId = '';
  let beforeAll_ = '';

  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body).expect(200);
  const create = async (applicant: object, description: string): Promise<string> =>
    (
      await request(stack.http)
        .post('/api/applications')
        .set(as('clerk'))
        .send({ channel: 'in_person', receivedOn: today, applicant, request: { description } })
        .expect(201)
    ).body.id;

  beforeAll(async () => {
    stack = await startStack();
    for (const username of ['clerk', 'reviewer', 'supervisor', 'auditor', 'admin']) {
      const res = await request(stack.http).post('/api/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }).expect(200);
      tokens[username] = res.body.accessToken;
    }
    beforeAll_ = new Date(Date.now() - 1000).toISOString();
    closedId = await create(
      { type: 'natural_person', name: '张三', idNumber: '371302199001011233', contact: { phone: '13800000000' } },
      '申请公开某片区征收补偿方案',
    );
    await act(closedId, 'triage', 'clerk', { outcome: 'accept' });
    await act(closedId, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act(closedId, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: 'classified',
      parts: [{ description: '全部', disposition: 'withhold', ground: 'state-secret' }],
    });
    await act(closedId, 'approve-decision', 'reviewer', { approve: true });
    await act(closedId, 'issue-notice', 'clerk', {});
    await act(closedId, 'record-delivery', 'clerk', { method: 'in_person', on: today });

    draftedId = await create(
      { type: 'legal_person', category: 'business', name: '临沂某商贸有限公司', contact: { phone: '13900000000' } },
      '申请公开环境影响评价报告',
    );
    await act(draftedId, 'triage', 'clerk', { outcome: 'accept' });
    await act(draftedId, 'draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held',
      provision: { form: 'paper', method: 'post' },
    });

    otherDeptId = await create({ type: 'natural_person', name: '李四', contact: { phone: '13700000000' } }, '申请公开道路规划');
    // Another department's case: a clerk of OGI must not see it.
    await stack.dataSource.query(
      `UPDATE applications SET department_id = (SELECT id FROM departments WHERE code <> 'OGI' ORDER BY code LIMIT 1) WHERE id = $1`,
      [otherDeptId],
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists the cases in scope, filtered, sorted and paged, with ID numbers masked', async () => {
    const clerk = await request(stack.http).get('/api/applications?sort=registrationNumber&order=asc').set(as('clerk')).expect(200);
    expect(clerk.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(clerk.body.items.map((i: { id: string }) => i.id)).toEqual([closedId, draftedId]);
    expect(clerk.body.items[0].applicant).toEqual({ type: 'natural_person', name: '张三', idNumberMasked: '371*************33' });
    expect(JSON.stringify(clerk.body)).not.toContain('371302199001011233');

    const all = await request(stack.http).get('/api/applications').set(as('supervisor')).expect(200);
    expect(all.body.total).toBe(3);
    const q = await request(stack.http)
      .get(`/api/applications?q=${encodeURIComponent('环境')}`)
      .set(as('auditor'))
      .expect(200);
    expect(q.body.items.map((i: { id: string }) => i.id)).toEqual([draftedId]);
    const byName = await request(stack.http)
      .get(`/api/applications?q=${encodeURIComponent('张')}&status=closed`)
      .set(as('admin'))
      .expect(200);
    expect(byName.body.items.map((i: { id: string }) => i.id)).toEqual([closedId]);
    const dept = await request(stack.http)
      .get('/api/applications?department=OGI&assignee=clerk&overdue=false')
      .set(as('supervisor'))
      .expect(200);
    expect(dept.body.items.map((i: { id: string }) => i.id)).toEqual([closedId]);
    const paged = await request(stack.http)
      .get('/api/applications?pageSize=1&page=2&sort=createdAt&order=asc')
      .set(as('supervisor'))
      .expect(200);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items.map((i: { id: string }) => i.id)).toEqual([draftedId]);
    const due = await request(stack.http).get(`/api/applications?dueFrom=${today}&regime=2019`).set(as('supervisor')).expect(200);
    expect(due.body.total).toBe(3);

    const bad = await request(stack.http)
      .get('/api/applications?pageSize=101&sort=name&colour=red&dueFrom=2026-02-30')
      .set(as('clerk'))
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'pageSize: must not be greater than 100',
        'sort: must be one of dueOn, receivedOn, registrationNumber, createdAt',
        'colour: is not an allowed field',
        'dueFrom: must be a date YYYY-MM-DD',
      ]),
    );
  });

  it('searches by registration number and notice number exactly, and by Chinese words of the name and the request', async () => {
    const ids = async (q: string, username = 'supervisor') =>
      (
        await request(stack.http)
          .get(`/api/applications?q=${encodeURIComponent(q)}`)
          .set(as(username))
          .expect(200)
      ).body.items.map((i: { id: string }) => i.id);
    const { registrationNumber } = (await request(stack.http).get(`/api/applications/${closedId}`).set(as('supervisor')).expect(200)).body;
    const [receipt] = (await request(stack.http).get(`/api/applications/${closedId}/notices`).set(as('supervisor')).expect(200)).body;
    expect(registrationNumber).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(receipt.number).toMatch(/〔\d{4}〕/);

    expect(await ids(registrationNumber)).toEqual([closedId]);
    expect(await ids(` ${registrationNumber.toLowerCase()} `)).toEqual([closedId]);
    expect(await ids(receipt.number)).toEqual([closedId]);
    expect(await ids('征收补偿')).toEqual([closedId]);
    expect(await ids('商贸')).toEqual([draftedId]);
    expect(await ids('临沂某商贸有限公司')).toEqual([draftedId]);
    expect(await ids('补偿征收')).toEqual([]);
    expect(await ids('规划')).toEqual([otherDeptId]);
    // The search stays within what the caller may see: another department's case is not the clerk's.
    expect(await ids('道路规划', 'clerk')).toEqual([]);
  });

  it('scopes a single case like the list: 404 outside the clerk’s department', async () => {
    await request(stack.http).get(`/api/applications/${otherDeptId}`).set(as('clerk')).expect(404);
    await request(stack.http).get(`/api/applications/${otherDeptId}`).set(as('supervisor')).expect(200);
    await request(stack.http).get(`/api/applications/${closedId}`).set(as('clerk')).expect(200);
  });

  it('shows each role the cases waiting on it', async () => {
    const reviewer = await request(stack.http).get('/api/me/inbox').set(as('reviewer')).expect(200);
    expect(reviewer.body.items).toEqual([
      expect.objectContaining({
        id: draftedId,
        status: 'decision_drafted',
        reasons: ['role'],
        actions: ['review-confidentiality', 'approve-decision'],
      }),
    ]);
    const clerk = await request(stack.http).get('/api/me/inbox').set(as('clerk')).expect(200);
    expect(clerk.body.items.map((i: { id: string }) => i.id)).not.toContain(closedId);
    const supervisor = await request(stack.http).get('/api/me/inbox').set(as('supervisor')).expect(200);
    expect(supervisor.body).toEqual({ items: [], total: 0, truncated: false });
  });

  it('lists notifications to the caller or their role, unread first, and marks them read', async () => {
    const [mine] = await stack.dataSource.query(
      `INSERT INTO notifications (application_id, key, kind, recipient_username, message, due_on)
       VALUES ($1, 'test-reminder', 'reminder', 'clerk', '5 working days left', $2) RETURNING id`,
      [draftedId, today],
    );
    await stack.dataSource.query(
      `INSERT INTO notifications (application_id, key, kind, recipient_role, message) VALUES ($1, 'test-escalation', 'escalation', 'supervisor', 'overdue')`,
      [draftedId],
    );
    const list = await request(stack.http).get('/api/me/notifications').set(as('clerk')).expect(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items).toEqual([expect.objectContaining({ id: String(mine.id), kind: 'reminder', readAt: null, dueOn: today })]);
    await request(stack.http).post(`/api/me/notifications/${mine.id}/read`).set(as('reviewer')).expect(404);
    const read = await request(stack.http).post(`/api/me/notifications/${mine.id}/read`).set(as('clerk')).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await request(stack.http).get('/api/me/notifications').set(as('clerk')).expect(200)).body.unread).toBe(0);
    const sup = await request(stack.http).get('/api/me/notifications').set(as('supervisor')).expect(200);
    expect(sup.body.items.map((n: { kind: string }) => n.kind)).toEqual(['escalation']);
  });

  it('shows supervisors the due-soon and overdue board and the answer statistics', async () => {
    const board = await request(stack.http).get('/api/supervision/board').set(as('supervisor')).expect(200);
    expect(board.body).toMatchObject({ today, days: 5, overdue: { count: 0 }, dueSoon: { count: 0 }, heldByDeactivated: { count: 0 } });
    const wide = await request(stack.http).get('/api/supervision/board?days=30').set(as('auditor')).expect(200);
    expect(wide.body.dueSoon.count).toBe(2);
    expect(wide.body.dueSoon.byAssignee).toEqual([{ assignee: null, count: 2 }]);
    expect(wide.body.dueSoon.items[0].workingDaysLeft).toBeGreaterThanOrEqual(19);
    await request(stack.http).get('/api/supervision/board').set(as('clerk')).expect(403);

    const stats = await request(stack.http)
      .get(`/api/supervision/stats?from=${year}-01-01&to=${year}-12-31`)
      .set(as('supervisor'))
      .expect(200);
    expect(stats.body.overall).toEqual({ answered: 1, onTime: 1, onTimeRate: 1, meanWorkingDays: 0 });
    expect(stats.body.byDepartment).toEqual([{ department: 'OGI', answered: 1, onTime: 1, onTimeRate: 1, meanWorkingDays: 0 }]);
    expect(stats.body.byMonth).toEqual([expect.objectContaining({ month: today.slice(0, 7), answered: 1 })]);
    const bad = await request(stack.http).get('/api/supervision/stats?from=x').set(as('supervisor')).expect(400);
    expect(bad.body.message).toBe('from: must be a date YYYY-MM-DD');
  });

  it('gives the recorded steps of a case whose Temporal history is gone (past retention), not a 500', async () => {
    // As after the namespace's retention: the row names a workflow the server no longer has.
    await stack.dataSource.query(`UPDATE applications SET workflow_id = 'application-gone-' || id WHERE id = $1`, [closedId]);
    try {
      const tl = await request(stack.http).get(`/api/applications/${closedId}/timeline`).set(as('auditor')).expect(200);
      expect(tl.body.temporalHistory).toBe(false);
      expect(tl.body.entries.map((e: { source: string }) => e.source)).not.toContain('temporal');
      expect(tl.body.entries.map((e: { type: string }) => e.type)).toContain('issue-notice');
      const dl = await request(stack.http).get(`/api/applications/${closedId}/deadline`).set(as('auditor')).expect(404);
      expect(dl.body.message).toMatch(/past the retention period/);
    } finally {
      await stack.dataSource.query(`UPDATE applications SET workflow_id = 'application-' || id WHERE id = $1`, [closedId]);
    }
  });

  it('gives auditors the merged timeline and the case as it stood at a past moment', async () => {
    const tl = await request(stack.http).get(`/api/applications/${closedId}/timeline`).set(as('auditor')).expect(200);
    const entries: { source: string; type: string; at: string; detail?: Record<string, unknown>; actor?: string }[] = tl.body.entries;
    expect(tl.body.temporalHistory).toBe(true);
    expect(entries.filter((e) => e.source === 'case').map((e) => e.type)).toEqual([
      'registered',
      'triage',
      'assign',
      'draft-decision',
      'approve-decision',
      'issue-notice',
      'record-delivery',
      'closed',
    ]);
    expect(entries.find((e) => e.type === 'assign')).toMatchObject({ actor: 'supervisor' });
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'temporal', type: 'WORKFLOW_EXECUTION_STARTED' }),
        expect.objectContaining({
          source: 'temporal',
          type: 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
          detail: expect.objectContaining({ update: 'action' }),
        }),
        expect.objectContaining({ source: 'temporal', type: 'ACTIVITY_TASK_SCHEDULED' }),
      ]),
    );
    expect([...entries.map((e) => e.at)]).toEqual([...entries.map((e) => e.at)].sort());
    await request(stack.http).get(`/api/applications/${closedId}/timeline`).set(as('clerk')).expect(403);

    const before = await request(stack.http).get(`/api/applications/${closedId}/at?moment=${beforeAll_}`).set(as('auditor')).expect(200);
    expect(before.body).toMatchObject({ exists: false, asOfSeq: 0, stateSeq: 0, status: null });
    const [assign] = await stack.dataSource.query(`SELECT occurred_at FROM case_events WHERE application_id = $1 AND type = 'assign'`, [
      closedId,
    ]);
    const mid = await request(stack.http)
      .get(`/api/applications/${closedId}/at?moment=${new Date(assign.occurred_at).toISOString()}`)
      .set(as('supervisor'))
      .expect(200);
    expect(mid.body).toMatchObject({
      exists: true,
      asOfSeq: 3,
      stateSeq: 3,
      status: 'assigned',
      assignee: 'clerk',
      department: 'OGI',
      triageOutcome: 'accept',
    });
    const now = await request(stack.http)
      .get(`/api/applications/${closedId}/at?moment=${new Date().toISOString()}`)
      .set(as('auditor'))
      .expect(200);
    // The workflow's own state after the last step, as it projected it.
    expect(now.body).toMatchObject({
      asOfSeq: 8,
      stateSeq: 8,
      status: 'closed',
      outcome: 'replied',
      replyKind: 'refuse',
      draftedBy: 'clerk',
      decisionApprovedBy: 'reviewer',
      withholdingGrounds: ['state-secret'],
      answeredOn: today,
      clockPausedFor: null,
    });
    const bad = await request(stack.http).get(`/api/applications/${closedId}/at?moment=yesterday`).set(as('auditor')).expect(400);
    expect(bad.body.message).toMatch(/^moment: /);
  });

  it('builds the annual report, balanced, as JSON, CSV and a printable page', async () => {
    const r = await request(stack.http).get(`/api/reports/annual?year=${year}`).set(as('supervisor')).expect(200);
    expect(r.body.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const row = (key: string) => r.body.rows.find((x: { key: string }) => x.key === key).values;
    expect(row('一')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(row('二')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row('三.三.1')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('三.七')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('四')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(r.body).toMatchObject({ year: Number(year), office: { code: 'LINYI' }, balanced: true, unclassified: [] });

    const csv = await request(stack.http).get(`/api/reports/annual?year=${year}&format=csv`).set(as('auditor')).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('三.三.1,（三）不予公开 1.属于国家秘密,1,0,0,0,0,0,1');
    const html = await request(stack.http).get(`/api/reports/annual?year=${year}&format=html`).set(as('admin')).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<table>');
    const xlsx = await request(stack.http)
      .get(`/api/reports/annual?year=${year}&format=xlsx`)
      .set(as('supervisor'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="annual-report-${year}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.getWorksheet('三、收到和处理申请情况')!;
    const xlsxRow = (key: string) => {
      const i = r.body.rows.findIndex((x: { key: string }) => x.key === key);
      return [3, 4, 5, 6, 7, 8, 9].map((col) => sheet.getCell(4 + i, col).value);
    };
    for (const key of ['一', '三.三.1', '三.七', '四']) expect(xlsxRow(key)).toEqual(row(key));
    await request(stack.http).get(`/api/reports/annual?year=${year}`).set(as('clerk')).expect(403);
    const bad = await request(stack.http).get('/api/reports/annual?year=26').set(as('supervisor')).expect(400);
    expect(bad.body.message).toMatch(/^year: /);
  });

  it('explains the due day to whoever may see the case, from its workflow', async () => {
    const explained = async (id: string, username: string) =>
      (await request(stack.http).get(`/api/applications/${id}/deadline`).set(as(username)).expect(200)).body;
    const view = (await request(stack.http).get(`/api/applications/${draftedId}`).set(as('clerk')).expect(200)).body;
    const open = await explained(draftedId, 'clerk');
    expect(open).toMatchObject({
      id: draftedId,
      deadline: { dueOn: view.dueOn, calendarVersion: expect.any(String), pauses: [], extension: null },
    });
    expect(open.deadline.text[0]).toMatch(
      /^适用2019年修订的《中华人民共和国政府信息公开条例》（收到日\d{4}-\d{2}-\d{2}不早于修订条例施行日2019-05-15）；应自收到申请之日起20个工作日内答复/,
    );
    expect(open.deadline.text).toContainEqual(expect.stringMatching(new RegExp(`^答复期限：${view.dueOn}（周`)));
    // A closed case's workflow still answers; a case outside the clerk's department does not exist for them.
    expect((await explained(closedId, 'auditor')).deadline.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await request(stack.http).get(`/api/applications/${otherDeptId}/deadline`).set(as('clerk')).expect(404);
    expect((await explained(otherDeptId, 'supervisor')).deadline).toMatchObject({ dueOn: expect.any(String) });
    const bad = await request(stack.http).get('/api/applications/not-a-uuid/deadline').set(as('clerk')).expect(400);
    expect(bad.body.message).toBe('id: must be a UUID');

    // Before the receipt day is known (online, waiting for confirmation) there is nothing to explain yet.
    const waiting = (
      await request(stack.http)
        .post('/api/applications')
        .set(as('clerk'))
        .send({ channel: 'online', applicant: { type: 'natural_person', name: '王五', contact: {} }, request: { description: '某规划' } })
        .expect(201)
    ).body;
    expect(waiting.status).toBe('awaiting_confirmation');
    expect(await explained(waiting.id, 'clerk')).toEqual({ id: waiting.id, deadline: null });
  });
});
