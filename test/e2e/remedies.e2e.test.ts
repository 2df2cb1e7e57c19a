import request from 'supertest';
import { hashPassword } from '../../libs/auth/password';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { type AuthHeaders, inPersonSubmission, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

const dayOffset = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Issue 5: reconsideration (行政复议) and litigation (行政诉讼) recorded against a handled case,
// their outcomes, the audit events they append, and the annual report's section 四.
describe('remedies: reconsideration and litigation, outcomes, annual report section 四', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const today = shanghaiDate(Date.now());
  const year = Number(today.slice(0, 4));
  let answered = ''; // reply issued, not yet delivered
  let unanswered = ''; // only registered

  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body).expect(200);
  const file = (id: string, username: string, body: object, key?: string) => {
    const req = request(stack.http).post(`/api/applications/${id}/remedies`).set(as(username));
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const patch = (remedyId: string, username: string, body: object) =>
    request(stack.http).patch(`/api/remedies/${remedyId}`).set(as(username)).send(body);
  const events = async (id: string): Promise<{ seq: number; type: string; actor: string }[]> =>
    stack.dataSource.query('SELECT seq, type, actor FROM case_events WHERE application_id = $1 ORDER BY id', [id]);

  beforeAll(async () => {
    stack = await startStack();
    // A clerk of another department (NRB): must not see OGI's cases.
    await stack.dataSource.query(
      `INSERT INTO users (id, username, display_name, password_hash, role, office_id, department_id)
       SELECT gen_random_uuid(), 'clerk-nrb', '孙承办（自然资源）', $1, 'clerk', d.office_id, d.id FROM departments d WHERE d.code = 'NRB'`,
      [await hashPassword(DEFAULT_DEMO_PASSWORD)],
    );
    as = await loginAll(stack, ['clerk', 'reviewer', 'supervisor', 'auditor', 'admin', 'clerk-nrb']);

    answered = (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201)).body.id;
    await act(answered, 'triage', 'clerk', { outcome: 'accept' });
    await act(answered, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act(answered, 'record-search', 'clerk', { summary: 'found in the archive' });
    await act(answered, 'draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held by this office and not exempt',
      provision: { form: 'paper', method: 'post' },
    });
    await act(answered, 'approve-decision', 'reviewer', { approve: true });
    await act(answered, 'review-confidentiality', 'reviewer', { approve: true });
    const issued = await act(answered, 'issue-notice', 'clerk', {});
    expect(issued.body.status).toBe('notice_issued');

    unanswered = (await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission('李四')).expect(201)).body
      .id;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const reconsideration = { kind: 'reconsideration', filedOn: today, organ: '临沂市人民政府', caseNumber: '临政复〔2026〕12号' };
  let r1 = ''; // reconsideration
  let l1 = ''; // litigation, direct
  let l2 = ''; // litigation, after reconsideration

  it('refuses a case that has not been answered, a litigation after reconsideration without one, and bad bodies', async () => {
    const early = await file(unanswered, 'clerk', reconsideration).expect(409);
    expect(early.body.message).toMatch(/has not been answered \(no reply issued\) nor closed/);

    const orphan = await file(answered, 'clerk', {
      kind: 'litigation',
      route: 'after-reconsideration',
      filedOn: today,
      organ: '兰山区人民法院',
    }).expect(409);
    expect(orphan.body.message).toMatch(/^route: a litigation after reconsideration needs a reconsideration of this case/);

    const cases: [object, string][] = [
      [{ ...reconsideration, kind: 'appeal' }, 'kind: must be one of reconsideration, litigation'],
      [
        { kind: 'litigation', filedOn: today, organ: '兰山区人民法院' },
        'route: is required for a litigation: direct or after-reconsideration',
      ],
      [
        { kind: 'litigation', route: 'sideways', filedOn: today, organ: '兰山区人民法院' },
        'route: must be one of direct, after-reconsideration',
      ],
      [{ ...reconsideration, route: 'direct' }, 'route: is only for a litigation'],
      [{ ...reconsideration, filedOn: dayOffset(today, 1) }, 'filedOn: must be a date YYYY-MM-DD that is not in the future'],
      [{ ...reconsideration, filedOn: '2026-02-30' }, 'filedOn: must be a date YYYY-MM-DD that is not in the future'],
      [{ ...reconsideration, filedOn: dayOffset(today, -1) }, `filedOn: must not be before the case was received (${today})`],
      [{ ...reconsideration, outcome: 'upheld' }, 'outcome: must be given together with outcomeOn'],
      [{ ...reconsideration, outcome: 'won', outcomeOn: today }, 'outcome: must be one of upheld, corrected, other'],
      [{ ...reconsideration, outcome: 'upheld', outcomeOn: dayOffset(today, -1) }, 'outcomeOn: must not be before filedOn'],
      [{ kind: 'reconsideration', filedOn: today }, 'organ: must be longer than or equal to 1 characters'],
      [{ ...reconsideration, court: 'x' }, 'court: is not an allowed field'],
    ];
    for (const [body, message] of cases) {
      const res = await file(answered, 'clerk', body).expect(400);
      expect({ body, message: res.body.message }).toEqual({ body, message: expect.arrayContaining([message]) });
    }
    const key = await file(answered, 'clerk', reconsideration, 'short').expect(400);
    expect(key.body.message).toEqual(['Idempotency-Key: must be 8-128 printable ASCII characters']);
    expect((await file('not-a-uuid', 'clerk', reconsideration).expect(400)).body.message).toBe('id: must be a UUID');
    await file('00000000-0000-4000-8000-000000000000', 'clerk', reconsideration).expect(404);
    await file(answered, 'reviewer', reconsideration).expect(403);
    await file(answered, 'auditor', reconsideration).expect(403);
    // Nothing was recorded by any of these.
    expect((await request(stack.http).get(`/api/applications/${answered}/remedies`).set(as('clerk')).expect(200)).body).toEqual([]);
  });

  it('records a reconsideration once per Idempotency-Key, and the litigations', async () => {
    const first = await file(answered, 'clerk', reconsideration, 'remedy-retry-0001').expect(201);
    expect(first.body).toMatchObject({
      applicationId: answered,
      kind: 'reconsideration',
      route: null,
      filedOn: today,
      organ: '临沂市人民政府',
      caseNumber: '临政复〔2026〕12号',
      outcome: null,
      outcomeOn: null,
      createdBy: 'clerk',
      updatedBy: null,
    });
    r1 = first.body.id;
    const retry = await file(answered, 'clerk', reconsideration, 'remedy-retry-0001').expect(201);
    expect(retry.body).toEqual(first.body);
    const reused = await file(answered, 'clerk', { ...reconsideration, organ: '山东省人民政府' }, 'remedy-retry-0001').expect(409);
    expect(reused.body.message).toBe('Idempotency-Key: already used for a different remedy of this case');

    l1 = (
      await file(answered, 'supervisor', {
        kind: 'litigation',
        route: 'direct',
        filedOn: today,
        organ: '临沂市兰山区人民法院',
        outcome: 'other',
        outcomeOn: today,
        note: '原告撤诉',
      }).expect(201)
    ).body.id;
    l2 = (
      await file(answered, 'clerk', {
        kind: 'litigation',
        route: 'after-reconsideration',
        filedOn: today,
        organ: '临沂市中级人民法院',
      }).expect(201)
    ).body.id;

    const list = await request(stack.http).get(`/api/applications/${answered}/remedies`).set(as('auditor')).expect(200);
    expect(list.body.map((r: { id: string }) => r.id).sort()).toEqual([r1, l1, l2].sort());
    await request(stack.http).get(`/api/applications/${answered}/remedies`).set(as('admin')).expect(200);
  });

  it('records outcomes; only a supervisor corrects a recorded one', async () => {
    const bad: [object, string][] = [
      [{}, 'body: give at least one of outcome, outcomeOn, caseNumber, note'],
      [{ outcome: 'upheld' }, 'outcome: must be given together with outcomeOn'],
      [{ outcomeOn: today }, 'outcomeOn: must be given together with outcome'],
      [{ outcome: 'upheld', outcomeOn: dayOffset(today, 1) }, 'outcomeOn: must be a date YYYY-MM-DD that is not in the future'],
      [{ outcome: 'upheld', outcomeOn: dayOffset(today, -1) }, `outcomeOn: must not be before filedOn (${today})`],
      [{ kind: 'litigation' }, 'kind: is not an allowed field'],
    ];
    for (const [body, message] of bad) {
      const res = await patch(r1, 'clerk', body).expect(400);
      expect({ body, message: res.body.message }).toEqual({ body, message: expect.arrayContaining([message]) });
    }
    await patch('00000000-0000-4000-8000-000000000000', 'clerk', { note: 'x' }).expect(404);
    expect((await patch('nope', 'clerk', { note: 'x' }).expect(400)).body.message).toBe('remedyId: must be a UUID');
    await patch(r1, 'auditor', { outcome: 'upheld', outcomeOn: today }).expect(403);

    const upheld = await patch(r1, 'clerk', { outcome: 'upheld', outcomeOn: today }).expect(200);
    expect(upheld.body).toMatchObject({ id: r1, outcome: 'upheld', outcomeOn: today, updatedBy: 'clerk' });
    // The same values again change nothing (and record nothing).
    const before = (await events(answered)).length;
    expect((await patch(r1, 'clerk', { outcome: 'upheld', outcomeOn: today }).expect(200)).body).toEqual(upheld.body);
    expect((await events(answered)).length).toBe(before);

    const refused = await patch(r1, 'clerk', { outcome: 'corrected', outcomeOn: today }).expect(409);
    expect(refused.body.message).toBe(`outcome: already recorded (upheld on ${today}); only a supervisor may correct a recorded outcome`);
    await patch(r1, 'clerk', { outcome: null }).expect(409);
    // A clerk may still add the case number or a note to a decided remedy.
    await patch(r1, 'clerk', { note: '复议机关维持原答复' }).expect(200);
    const corrected = await patch(r1, 'supervisor', { outcome: 'corrected', outcomeOn: today }).expect(200);
    expect(corrected.body).toMatchObject({ outcome: 'corrected', outcomeOn: today, note: '复议机关维持原答复', updatedBy: 'supervisor' });
  });

  it('appends hash-chained events in their own seq range, so the workflow’s later steps are still recorded', async () => {
    const remedyEvents = (await events(answered)).filter((e) => e.seq < 0);
    expect(remedyEvents).toEqual([
      { seq: -1, type: 'remedy-filed', actor: 'clerk' },
      { seq: -2, type: 'remedy-filed', actor: 'supervisor' },
      { seq: -3, type: 'remedy-filed', actor: 'clerk' },
      { seq: -4, type: 'remedy-outcome', actor: 'clerk' },
      { seq: -5, type: 'remedy-updated', actor: 'clerk' },
      { seq: -6, type: 'remedy-outcome-corrected', actor: 'supervisor' },
    ]);
    const [corrected] = await stack.dataSource.query(`SELECT payload FROM case_events WHERE application_id = $1 AND seq = -6`, [answered]);
    expect(corrected.payload).toEqual({
      remedy: expect.objectContaining({ id: r1, outcome: 'corrected' }),
      changes: { outcome: { from: 'upheld', to: 'corrected' } },
    });

    // The workflow goes on numbering its own steps 9, 10 and none is lost.
    const closed = await act(answered, 'record-delivery', 'clerk', { method: 'post', on: today });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'replied' });
    const steps = (await events(answered)).filter((e) => e.seq > 0);
    expect(steps.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps.slice(-2).map((e) => e.type)).toEqual(['record-delivery', 'closed']);

    // A closed case takes remedies too.
    await file(answered, 'clerk', { kind: 'reconsideration', filedOn: today, organ: '山东省人民政府' }).expect(201);
    expect((await events(answered)).filter((e) => e.seq < 0).map((e) => e.seq)).toContain(-7);

    const verify = await request(stack.http).get('/api/audit/verify').set(as('auditor')).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
    const timeline = await request(stack.http).get(`/api/applications/${answered}/timeline`).set(as('auditor')).expect(200);
    expect(timeline.body.entries.filter((e: { type: string }) => e.type.startsWith('remedy-')).length).toBe(7);
  });

  it('hides the case’s remedies from a clerk of another department, as the rest of the API does', async () => {
    await request(stack.http).get(`/api/applications/${answered}`).set(as('clerk-nrb')).expect(404);
    await request(stack.http).get(`/api/applications/${answered}/remedies`).set(as('clerk-nrb')).expect(404);
    await file(answered, 'clerk-nrb', reconsideration).expect(404);
    await patch(l2, 'clerk-nrb', { outcome: 'upheld', outcomeOn: today }).expect(404);
    const l2Now = await request(stack.http).get(`/api/applications/${answered}/remedies`).set(as('supervisor')).expect(200);
    expect(l2Now.body.find((r: { id: string }) => r.id === l2)).toMatchObject({ outcome: null });
  });

  it("lists the office's remedies for the 救济 page, filtered, within the caller's scope", async () => {
    const list = async (who: string, query = '') =>
      (await request(stack.http).get(`/api/remedies${query}`).set(as(who)).expect(200)).body as {
        items: { id: string; registrationNumber: string; kind: string; outcome: string | null; applicationId: string }[];
        truncated: boolean;
      };
    const [{ registration_number: number }] = await stack.dataSource.query('SELECT registration_number FROM applications WHERE id = $1', [
      answered,
    ]);
    const all = await list('supervisor');
    expect(all.truncated).toBe(false);
    expect(all.items.filter((r) => r.applicationId === answered)).toHaveLength(4);
    expect(all.items.find((r) => r.id === r1)).toMatchObject({ registrationNumber: number, kind: 'reconsideration', outcome: 'corrected' });
    const pending = await list('clerk', '?pending=true');
    expect(pending.items.map((r) => r.id)).toContain(l2);
    expect(pending.items.map((r) => r.id)).not.toContain(r1);
    expect((await list('auditor', '?kind=litigation')).items.every((r) => r.kind === 'litigation')).toBe(true);
    expect((await list('supervisor', `?year=${year + 1}`)).items).toEqual([]);
    // A clerk of another department sees none of this department's cases' remedies.
    expect((await list('clerk-nrb')).items.filter((r) => r.applicationId === answered)).toEqual([]);
    await request(stack.http).get('/api/remedies').set(as('reviewer')).expect(403);
    for (const [query, message] of [
      ['?year=26', 'year: must be a year YYYY, 2008 or later'],
      ['?kind=appeal', 'kind: must be one of reconsideration, litigation'],
      ['?pending=yes', 'pending: must be true or false'],
    ]) {
      const res = await request(stack.http).get(`/api/remedies${query}`).set(as('supervisor')).expect(400);
      expect(res.body.message).toEqual([message]);
    }
  });

  it('counts them in section 四 of the annual report: JSON, CSV and the printable page', async () => {
    const r = await request(stack.http).get(`/api/reports/annual?year=${year}`).set(as('supervisor')).expect(200);
    // 复议: one corrected, one pending; 直接起诉: one other; 复议后起诉: one pending.
    expect(r.body.remedies).toEqual({
      columns: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      rows: [
        { key: '复议', label: '行政复议', values: [0, 1, 0, 1, 2] },
        { key: '未经复议直接起诉', label: '行政诉讼：未经复议直接起诉', values: [0, 0, 1, 0, 1] },
        { key: '复议后起诉', label: '行政诉讼：复议后起诉', values: [0, 0, 0, 1, 1] },
      ],
      recorded: true,
      line: [0, 1, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1],
    });
    expect(r.body).toMatchObject({ balanced: true, year });
    const previous = await request(stack.http)
      .get(`/api/reports/annual?year=${year - 1}`)
      .set(as('auditor'))
      .expect(200);
    expect(previous.body.remedies.line).toEqual(new Array(15).fill(0));

    const csv = await request(stack.http).get(`/api/reports/annual?year=${year}&format=csv`).set(as('auditor')).expect(200);
    const lines = csv.text.split('\r\n');
    const at = lines.indexOf('key,label,结果维持,结果纠正,其他结果,尚未审结,总计');
    expect(lines[at - 1]).toBe('');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '复议,行政复议,0,1,0,1,2',
      '未经复议直接起诉,行政诉讼：未经复议直接起诉,0,0,1,0,1',
      '复议后起诉,行政诉讼：复议后起诉,0,0,0,1,1',
    ]);
    const html = await request(stack.http).get(`/api/reports/annual?year=${year}&format=html`).set(as('admin')).expect(200);
    expect(html.text).toContain(`<tr>${[0, 1, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1].map((v) => `<td class="n">${v}</td>`).join('')}</tr>`);
  });
});
