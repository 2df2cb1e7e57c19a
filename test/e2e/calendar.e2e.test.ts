import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { stateQuery } from '../../libs/contracts/workflow';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

// A made-up arrangement for 2027: Monday 2027-01-04 a holiday, Saturday 2027-01-09 a working day.
const arrangement2027 = {
  year: 2027,
  official: true,
  notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-04', kind: 'holiday', name: '元旦' },
    { date: '2027-01-09', kind: 'workday', name: '元旦' },
  ],
};

describe('calendar administration: the database calendar drives deadlines', () => {
  let stack: Stack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    for (const u of ['admin', 'clerk']) {
      const res = await request(stack.http).post('/api/auth/login').send({ username: u, password: DEFAULT_DEMO_PASSWORD }).expect(200);
      tokens[u] = `Bearer ${res.body.accessToken}`;
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const register = async (receivedOn: string) =>
    (
      await request(stack.http)
        .post('/api/applications')
        .set('Authorization', tokens.clerk)
        .send({
          channel: 'in_person',
          receivedOn,
          applicant: { type: 'natural_person', name: '王五', contact: {} },
          request: { description: '测试' },
        })
        .expect(201)
    ).body;

  it('serves a year without an official arrangement as derived and provisional', async () => {
    const res = await request(stack.http).get('/api/calendar/years/2027').set('Authorization', tokens.clerk).expect(200);
    expect(res.body.official).toBe(false);
    expect(res.body.days.map((d: { date: string }) => d.date)).toContain('2027-10-01');
  });

  it('lets only an admin load a year, rejects a bad arrangement naming each field, and writes nothing then', async () => {
    await request(stack.http).put('/api/admin/calendar/years/2027').set('Authorization', tokens.clerk).send(arrangement2027).expect(403);
    const bad = await request(stack.http)
      .put('/api/admin/calendar/years/2027')
      .set('Authorization', tokens.admin)
      .send({
        ...arrangement2027,
        days: [...arrangement2027.days, { date: '2027-01-05', kind: 'workday' }, { date: '2028-01-01', kind: 'holiday' }],
        extra: 1,
      })
      .expect(400);
    const messages: string[] = bad.body.message;
    expect(messages.some((m) => m.startsWith('days[3]') && /weekend/.test(m))).toBe(true);
    expect(messages.some((m) => m.startsWith('days[4]') && /2027/.test(m))).toBe(true);
    expect(messages.some((m) => m.includes('extra'))).toBe(true);
    const mismatch = await request(stack.http)
      .put('/api/admin/calendar/years/2028')
      .set('Authorization', tokens.admin)
      .send(arrangement2027)
      .expect(400);
    expect(mismatch.body.message).toBe('year: the body is for 2027 but the path names 2028');
    const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM calendar_years WHERE year = 2027');
    expect(n).toBe(0);
  });

  it('loads a new year as official', async () => {
    const loaded = await request(stack.http)
      .put('/api/admin/calendar/years/2027')
      .set('Authorization', tokens.admin)
      .send(arrangement2027)
      .expect(200);
    expect(loaded.body).toMatchObject({ year: 2027, days: 3, version: expect.stringMatching(/^db-\d+-2027$/) });
    const year = await request(stack.http).get('/api/calendar/years/2027').set('Authorization', tokens.clerk).expect(200);
    expect(year.body).toMatchObject({ official: true, version: loaded.body.version, days: arrangement2027.days });
  });

  it('uses a corrected arrangement for the next deadline and reports the open cases it touches', async () => {
    // Received Fri 2026-11-27: 20 working days end on Fri 2026-12-25 (no holiday in December).
    const before = await register('2026-11-27');
    expect(before.dueOn).toBe('2026-12-25');

    const current = await request(stack.http).get('/api/calendar/years/2026').set('Authorization', tokens.admin).expect(200);
    const { version: _v, ...year2026 } = current.body;
    const corrected = { ...year2026, days: [...year2026.days, { date: '2026-12-01', kind: 'holiday', name: '测试更正' }] };

    // Before loading: the preview names the case whose due day would move, and writes nothing.
    const versions = async () => (await stack.dataSource.query('SELECT count(*)::int AS n FROM calendar_versions'))[0].n as number;
    const versionsBefore = await versions();
    const preview = await request(stack.http)
      .post('/api/admin/calendar/years/2026/preview')
      .set('Authorization', tokens.admin)
      .send(corrected)
      .expect(200);
    expect(preview.body).toMatchObject({ year: 2026, openCases: 1, examined: 1, unreadable: 0 });
    expect(preview.body.changes).toEqual([
      {
        id: before.id,
        registrationNumber: before.registrationNumber,
        status: expect.any(String),
        dueOn: '2026-12-25',
        dueOnAfter: '2026-12-28',
      },
    ]);
    // The same correction as the published iCalendar feed would carry it.
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261201',
      'SUMMARY:测试更正（休）',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const fromIcs = await request(stack.http)
      .post('/api/admin/calendar/years/2026/preview')
      .set('Authorization', tokens.admin)
      .send({ ics })
      .expect(200);
    expect(fromIcs.body.changes.map((c: { dueOnAfter: string }) => c.dueOnAfter)).toEqual(['2026-12-28']);
    // The preview returns the arrangement as it read it: the parsed feed, the JSON as given.
    expect(fromIcs.body.arrangement).toMatchObject({ year: 2026, official: true });
    expect(fromIcs.body.arrangement.days).toContainEqual(expect.objectContaining({ date: '2026-12-01', kind: 'holiday' }));
    expect(preview.body.arrangement.days).toHaveLength(corrected.days.length);
    expect(preview.body.arrangement.days).toContainEqual({ date: '2026-12-01', kind: 'holiday', name: '测试更正' });
    const badIcs = await request(stack.http)
      .post('/api/admin/calendar/years/2026/preview')
      .set('Authorization', tokens.admin)
      .send({ ics: 'not a calendar' })
      .expect(400);
    expect(badIcs.body.message).toMatch(/^ics: /);
    await request(stack.http).post('/api/admin/calendar/years/2026/preview').set('Authorization', tokens.clerk).send(corrected).expect(403);
    expect(await versions()).toBe(versionsBefore);
    const loaded = await request(stack.http)
      .put('/api/admin/calendar/years/2026')
      .set('Authorization', tokens.admin)
      .send(corrected)
      .expect(200);
    // The request returns at once with the job that tells the open cases; it runs on.
    const job = loaded.body.job;
    expect(job).toMatchObject({ id: `calendar-${loaded.body.version}`, year: 2026, startedBy: 'admin', affected: 1 });

    // One more day off in the period: the due day moves to Monday 2026-12-28, for a
    // new case and for the running one, which recomputes on the calendar signal.
    const after = await register('2026-11-27');
    expect(after.dueOn).toBe('2026-12-28');
    const running = await stack.temporal.workflow.getHandle(`application-${before.id}`);
    const dueOn = await waitFor(
      async () => (await running.query(stateQuery)).case?.deadline?.dueOn,
      (d) => d === '2026-12-28',
    );
    expect(dueOn).toBe('2026-12-28');
    const projected = await waitFor(
      async () =>
        (await stack.dataSource.query(`SELECT to_char(due_on, 'YYYY-MM-DD') AS d FROM applications WHERE id = $1`, [before.id]))[0].d,
      (d) => d === '2026-12-28',
    );
    expect(projected).toBe('2026-12-28');

    // The job's progress, as an administrator sees it: every touched case signalled, one due day moved.
    const done = await waitFor(
      async () => (await request(stack.http).get(`/api/admin/calendar/jobs/${job.id}`).set('Authorization', tokens.admin).expect(200)).body,
      (j) => j.finishedAt !== null && j.changed === 1,
    );
    expect(done).toMatchObject({ affected: 1, signalled: 1, notRunning: 0, changed: 1, finishedAt: expect.any(String) });
    const [entered] = await stack.dataSource.query(
      `SELECT to_char(due_before, 'YYYY-MM-DD') AS due_before, outcome FROM calendar_job_cases WHERE job_id = $1 AND application_id = $2`,
      [job.id, before.id],
    );
    expect(entered).toEqual({ due_before: '2026-12-25', outcome: 'signalled' });
    await request(stack.http).get(`/api/admin/calendar/jobs/${job.id}`).set('Authorization', tokens.clerk).expect(403);
    await request(stack.http).get('/api/admin/calendar/jobs/calendar-no-such').set('Authorization', tokens.admin).expect(404);
  });
});
