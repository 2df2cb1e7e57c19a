// 我的待办: the caller's open cases (assigned to them, and unassigned ones they may see), with
// the working days left on each and why its clock stands still; filtered on the server.
import request from 'supertest';
import { parseIsoDate } from '../../libs/calendar/iso-date';
import { buildWorkingDayIndex } from '../../libs/calendar/working-day-index';
import { loadCalendarData } from '../../libs/persistence/calendar.repository';
import { DEMO_DEPARTMENTS } from '../../libs/persistence/seed';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

describe('work list filters and countdown', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const ids: Record<string, string> = {};
  const step = (id: string, name: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as('clerk')).send(body).expect(200);

  beforeAll(async () => {
    stack = await startStack();
    await addOtherPlaces(stack, [['ogi.clerk2', 'LINYI', 'OGI']]);
    as = await loginAll(stack, ['clerk', 'ogi.clerk2']);
    for (const name of ['mine', 'unassigned', 'theirs']) {
      const res = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission(name)).expect(201);
      ids[name] = res.body.id;
      await step(res.body.id, 'triage', { outcome: 'accept' });
    }
    await step(ids.mine, 'assign', { assignee: 'clerk' });
    await step(ids.theirs, 'assign', { assignee: 'ogi.clerk2' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const list = async (who: string, query: Record<string, string>) =>
    (await request(stack.http).get('/api/applications').query(query).set(as(who)).expect(200)).body as {
      items: { id: string; workingDaysLeft: number | null; clockPausedFor: string | null; dueOn: string }[];
    };

  it("lists the caller's own and the unassigned open cases, not a colleague's", async () => {
    const mine = await list('clerk', { mine: 'true', open: 'true', sort: 'dueOn', order: 'asc' });
    const got = mine.items.map((i) => i.id);
    expect(got).toEqual(expect.arrayContaining([ids.mine, ids.unassigned]));
    expect(got).not.toContain(ids.theirs);
    const theirs = await list('ogi.clerk2', { mine: 'true' });
    expect(theirs.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.theirs, ids.unassigned]));
    expect(theirs.items.map((i) => i.id)).not.toContain(ids.mine);
  });

  it('counts the working days left to the due day on the engine calendar', async () => {
    const { items } = await list('clerk', { mine: 'true' });
    const item = items.find((i) => i.id === ids.mine)!;
    const index = buildWorkingDayIndex(await loadCalendarData(stack.dataSource));
    const expected = index.workingDaysBetween(parseIsoDate(shanghaiDate(Date.now())), parseIsoDate(item.dueOn));
    expect(expected).toBeGreaterThanOrEqual(19); // received today: about the whole 20-day period
    expect(item.workingDaysLeft).toBe(expected);
    expect(item.clockPausedFor).toBeNull();
  });

  it('filters by channel and open/closed, and names a bad filter', async () => {
    expect((await list('clerk', { channel: 'in_person' })).items.length).toBeGreaterThanOrEqual(2);
    expect((await list('clerk', { channel: 'online' })).items).toEqual([]);
    expect((await list('clerk', { open: 'false' })).items).toEqual([]);
    const bad = await request(stack.http).get('/api/applications').query({ channel: 'pigeon' }).set(as('clerk')).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'channel' });
  });

  it("shows the case page's facts: countdown, steps recorded, and the action bodies to build forms from", async () => {
    const view = (await request(stack.http).get(`/api/applications/${ids.mine}`).set(as('clerk')).expect(200)).body;
    expect(view).toMatchObject({ assignee: 'clerk', department: 'OGI', clockPausedFor: null, letterFailed: false });
    expect(view.workingDaysLeft).toBeGreaterThanOrEqual(19);
    const steps = (await request(stack.http).get(`/api/applications/${ids.mine}/history`).set(as('clerk')).expect(200)).body;
    expect(steps.map((s: { type: string }) => s.type)).toEqual(['registered', 'triage', 'assign']);
    expect(steps[2]).toMatchObject({ seq: 3, actor: 'clerk', actorRole: 'clerk', details: expect.objectContaining({ assignee: 'clerk' }) });
    const bodies = (await request(stack.http).get('/api/reference/action-bodies').set(as('clerk')).expect(200)).body;
    expect(bodies.triage).toMatchObject({ type: 'object', required: ['outcome'] });
    // The names the screens show for department codes: the caller's office's departments only.
    const departments = (await request(stack.http).get('/api/reference/departments').set(as('clerk')).expect(200)).body;
    expect(departments.map((d: { code: string; name: string }) => [d.code, d.name])).toEqual(
      DEMO_DEPARTMENTS.map((d) => [d.code, d.name]).sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});
