// One case-access rule for every route that touches a case: every case route x every
// role x a case of the caller's own department, of another department and of another
// office. Outside the scope a route answers 404 exactly as for a case that does not
// exist; a role the route never allows gets 403 before the case is looked up.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '../../libs/contracts/roles';
import { shanghaiDate } from '../../libs/time/shanghai';
import { addOtherPlaces, inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

type Where = 'own' | 'otherDept' | 'otherOffice';
const WHERE: Where[] = ['own', 'otherDept', 'otherOffice'];

interface Target {
  id: string;
  noticeId: string;
  remedyId: string;
}

interface CaseRoute {
  method: 'get' | 'post' | 'patch';
  path: (t: Target) => string;
  roles: 'any' | readonly Role[];
  body?: Record<string, unknown>;
  /** the answer when the case is visible (GETs: 200; harmless writes: the refusal that proves the case was reached) */
  visible: number | readonly number[];
}

const today = shanghaiDate(Date.now());
const ROUTES: Record<string, CaseRoute> = {
  'GET /api/applications/{id}': { method: 'get', path: (t) => `/api/applications/${t.id}`, roles: 'any', visible: 200 },
  'GET /api/applications/{id}/deadline': { method: 'get', path: (t) => `/api/applications/${t.id}/deadline`, roles: 'any', visible: 200 },
  // No draft yet: 409 once the case is reached.
  'GET /api/applications/{id}/draft-letter': {
    method: 'get',
    path: (t) => `/api/applications/${t.id}/draft-letter`,
    roles: 'any',
    visible: 409,
  },
  'GET /api/applications/{id}/history': { method: 'get', path: (t) => `/api/applications/${t.id}/history`, roles: 'any', visible: 200 },
  'GET /api/applications/{id}/timeline': {
    method: 'get',
    path: (t) => `/api/applications/${t.id}/timeline`,
    roles: ['auditor', 'supervisor'],
    visible: 200,
  },
  'GET /api/applications/{id}/at': {
    method: 'get',
    path: (t) => `/api/applications/${t.id}/at?moment=${encodeURIComponent(new Date().toISOString())}`,
    roles: ['auditor', 'supervisor'],
    visible: 200,
  },
  'GET /api/applications/{id}/case-file': {
    method: 'get',
    path: (t) => `/api/applications/${t.id}/case-file`,
    roles: ['auditor', 'supervisor'],
    visible: 200,
  },
  'GET /api/applications/{id}/actions': { method: 'get', path: (t) => `/api/applications/${t.id}/actions`, roles: 'any', visible: 200 },
  // Not allowed in status `assigned`: 409 proves the case was reached (403 for a role the step never takes), and nothing changes.
  'POST /api/applications/{id}/actions/{name}': {
    method: 'post',
    path: (t) => `/api/applications/${t.id}/actions/record-delivery`,
    roles: 'any',
    body: { on: today, method: 'in_person' },
    visible: [409, 403],
  },
  'GET /api/applications/{id}/notices': { method: 'get', path: (t) => `/api/applications/${t.id}/notices`, roles: 'any', visible: 200 },
  'GET /api/notices/{file}': { method: 'get', path: (t) => `/api/notices/${t.noticeId}.html`, roles: 'any', visible: 200 },
  'GET /api/applications/{id}/remedies': { method: 'get', path: (t) => `/api/applications/${t.id}/remedies`, roles: 'any', visible: 200 },
  // The case is not answered yet: 409 once it is reached.
  'POST /api/applications/{id}/remedies': {
    method: 'post',
    path: (t) => `/api/applications/${t.id}/remedies`,
    roles: ['clerk', 'supervisor'],
    body: { kind: 'reconsideration', filedOn: today, organ: '临沂市人民政府' },
    visible: 409,
  },
  // The same note again changes nothing.
  'PATCH /api/remedies/{remedyId}': {
    method: 'patch',
    path: (t) => `/api/remedies/${t.remedyId}`,
    roles: ['clerk', 'supervisor'],
    body: { note: '原样' },
    visible: 200,
  },
  'POST /api/audit/replay': {
    method: 'post',
    path: () => '/api/audit/replay',
    roles: ['auditor', 'supervisor'],
    visible: 200,
  },
};

describe('case access: every case route x every role x own department, other department, other office', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const targets = {} as Record<Where, Target>;
  const eventsOf = async (id: string): Promise<number> =>
    (await stack.dataSource.query('SELECT count(*)::int AS n FROM case_events WHERE application_id = $1', [id]))[0].n;
  const eventsBefore = {} as Record<Where, number>;

  const register = async (clerk: string, name: string): Promise<string> => {
    const res = await request(stack.http).post('/api/applications').set(as(clerk)).send(inPersonSubmission(name)).expect(201);
    const id = res.body.id as string;
    await request(stack.http).post(`/api/applications/${id}/actions/triage`).set(as(clerk)).send({ outcome: 'accept' }).expect(200);
    await request(stack.http).post(`/api/applications/${id}/actions/assign`).set(as(clerk)).send({ assignee: clerk }).expect(200);
    return id;
  };

  const target = async (id: string): Promise<Target> => {
    const [notice] = await stack.dataSource.query('SELECT id FROM notices WHERE application_id = $1', [id]);
    const remedyId = randomUUID();
    // A remedy row of the case (recorded as if the case had been answered), for the remedy route.
    await stack.dataSource.query(
      `INSERT INTO remedies (id, application_id, kind, filed_on, organ, note, created_by) VALUES ($1, $2, 'reconsideration', $3, '临沂市人民政府', '原样', 'test')`,
      [remedyId, id, today],
    );
    return { id, noticeId: notice.id, remedyId };
  };

  beforeAll(async () => {
    stack = await startStack();
    await addOtherPlaces(stack);
    as = await loginAll(stack, [...ROLES, 'env.clerk', 'tc.clerk']);
    targets.own = await target(await register('clerk', '本科室'));
    targets.otherDept = await target(await register('env.clerk', '环境局'));
    targets.otherOffice = await target(await register('tc.clerk', '郯城县'));
    for (const where of WHERE) eventsBefore[where] = await eventsOf(targets[where].id);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('covers every documented route that takes a case, a notice or a remedy', async () => {
    const doc = await request(stack.http).get('/api/docs-json').expect(200);
    const caseRoutes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      (path.includes('{id}') && !path.startsWith('/api/me/') && !path.startsWith('/api/admin/')) ||
      path.includes('{file}') ||
      path.includes('{remedyId}')
        ? Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\/actions\/[a-z-]+$/, '/actions/{name}')}`)
        : [],
    );
    expect([...new Set(caseRoutes.filter((r) => !(r in ROUTES)))].sort()).toEqual([]);
  });

  const visible = (role: Role, where: Where) => where === 'own' || (where === 'otherDept' && role !== 'clerk');

  it.each(Object.entries(ROUTES))('%s', async (name, route) => {
    const call = (t: Target, role: Role) => {
      const req = request(stack.http)[route.method](route.path(t)).set(as(role));
      const body = name === 'POST /api/audit/replay' ? { applicationId: t.id } : route.body;
      return route.method === 'get' ? req : req.send(body ?? {});
    };
    const unknown: Target = { id: randomUUID(), noticeId: randomUUID(), remedyId: randomUUID() };
    const problems: string[] = [];
    for (const role of ROLES) {
      const allowed = route.roles === 'any' || route.roles.includes(role);
      const missing = await call(unknown, role);
      for (const where of WHERE) {
        const t = targets[where];
        const res = await call(t, role);
        const expected = !allowed ? [403] : visible(role, where) ? [route.visible].flat() : [404];
        if (!expected.includes(res.status)) problems.push(`${role} on ${where}: ${res.status} (expected ${expected.join(' or ')})`);
        if (allowed && !visible(role, where)) {
          // Indistinguishable from a case that does not exist: same status, same message but for the id.
          const own = JSON.stringify(res.body).replaceAll(t.id, 'ID').replaceAll(t.noticeId, 'ID').replaceAll(t.remedyId, 'ID');
          const none = JSON.stringify(missing.body)
            .replaceAll(unknown.id, 'ID')
            .replaceAll(unknown.noticeId, 'ID')
            .replaceAll(unknown.remedyId, 'ID');
          if (own !== none || missing.status !== res.status) problems.push(`${role} on ${where}: ${own} differs from unknown ${none}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves the cases as they were: the refused and probing calls changed nothing', async () => {
    for (const where of WHERE) {
      const [row] = await stack.dataSource.query('SELECT status, assignee FROM applications WHERE id = $1', [targets[where].id]);
      expect(row.status).toBe('assigned');
      expect([where, await eventsOf(targets[where].id)]).toEqual([where, eventsBefore[where]]);
    }
  });

  it('lists, inbox and search show a clerk only their department and unassigned cases, never another office', async () => {
    const list = await request(stack.http).get('/api/applications?pageSize=100').set(as('clerk')).expect(200);
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(targets.own.id);
    expect(ids).not.toContain(targets.otherDept.id);
    expect(ids).not.toContain(targets.otherOffice.id);
    const sup = await request(stack.http).get('/api/applications?pageSize=100').set(as('supervisor')).expect(200);
    const supIds = sup.body.items.map((i: { id: string }) => i.id);
    expect(supIds).toEqual(expect.arrayContaining([targets.own.id, targets.otherDept.id]));
    expect(supIds).not.toContain(targets.otherOffice.id);
    const found = await request(stack.http)
      .get(`/api/applications?q=${encodeURIComponent('郯城县')}`)
      .set(as('supervisor'))
      .expect(200);
    expect(found.body.items).toEqual([]);
  });
});
