import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { ROLES, type Role } from '../../libs/contracts/roles';
import { startStack, type Stack } from '../support/stack';

// Who may call what. Every route of the OpenAPI document must be listed here, so a
// new route (guarded or not) fails this test until someone decides who may call it.
// 'public': no login needed; 'any': every logged-in role; otherwise the roles allowed.
type Access = 'public' | 'any' | readonly Role[];
const MATRIX: Record<string, Access> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/session': 'public',
  'GET /api/auth/session': 'any',
  'DELETE /api/auth/session': 'any',
  'POST /api/applications': ['clerk'],
  'GET /api/applications': 'any',
  'GET /api/applications/pending-confirmation': 'any',
  'GET /api/applications/{id}/draft-letter': 'any',
  'GET /api/applications/{id}': 'any',
  'GET /api/applications/{id}/deadline': 'any',
  'GET /api/applications/{id}/timeline': ['auditor', 'supervisor'],
  'GET /api/applications/{id}/at': ['auditor', 'supervisor'],
  'GET /api/applications/{id}/actions': 'any',
  'POST /api/applications/{id}/actions/{name}': 'any', // the workflow checks the role per step (403 from its validator)
  'GET /api/calendar/years/{year}': 'any',
  'GET /api/reference/withholding-grounds': 'any',
  'GET /api/reference/action-bodies': 'any',
  'GET /api/reference/departments': 'any',
  'GET /api/applications/{id}/history': 'any',
  'PUT /api/admin/calendar/years/{year}': ['admin'],
  'GET /api/admin/calendar/jobs/{id}': ['admin'],
  'POST /api/admin/calendar/years/{year}/preview': ['admin'],
  'GET /api/applications/{id}/case-file': ['auditor', 'supervisor'],
  'POST /api/supervision/reassign': ['supervisor'],
  'POST /api/supervision/reminders': ['supervisor'],
  'GET /api/supervision/clerks': ['supervisor'],
  'GET /api/admin/users/{username}/open-cases': ['admin'],
  'GET /api/audit/verify': ['auditor', 'supervisor'],
  'POST /api/audit/replay': ['auditor', 'supervisor'],
  'POST /api/audit/replay-jobs': ['auditor', 'supervisor'],
  'GET /api/audit/replay-jobs': ['auditor', 'supervisor'],
  'GET /api/audit/replay-jobs/{jobId}': ['auditor', 'supervisor'],
  'GET /api/me/inbox': 'any',
  'GET /api/me/notifications': 'any',
  'POST /api/me/notifications/{id}/read': 'any',
  'GET /api/supervision/board': ['supervisor', 'auditor'],
  'GET /api/supervision/stats': ['supervisor', 'auditor'],
  'GET /api/reports/annual': ['supervisor', 'auditor', 'admin'],
  'GET /api/applications/{id}/notices': 'any',
  'GET /api/notices/{file}': 'any',
  'GET /api/admin/templates': ['admin'],
  'PUT /api/admin/templates/{kind}/{regime}': ['admin'],
  'GET /api/admin/templates/{kind}/{regime}/versions': ['admin'],
  'GET /api/admin/templates/{kind}/{regime}/versions/{version}': ['admin'],
  'POST /api/admin/templates/{kind}/{regime}/preview': ['admin'],
  'GET /api/admin/offices': ['admin'],
  'POST /api/admin/offices': ['admin'],
  'PATCH /api/admin/offices/{code}': ['admin'],
  'GET /api/admin/offices/{code}/departments': ['admin'],
  'POST /api/admin/offices/{code}/departments': ['admin'],
  'PATCH /api/admin/offices/{code}/departments/{dept}': ['admin'],
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/{username}': ['admin'],
  'POST /api/admin/users/{username}/password': ['admin'],
  'GET /api/admin/audit': ['admin', 'auditor'],
  'POST /api/applications/{id}/remedies': ['clerk', 'supervisor'],
  'GET /api/applications/{id}/remedies': 'any',
  'PATCH /api/remedies/{remedyId}': ['clerk', 'supervisor'],
  'GET /api/remedies': ['clerk', 'supervisor', 'auditor'],
  'GET /api/public/challenge': 'public',
  'POST /api/public/applications': 'public',
  'GET /api/public/applications/{code}': 'public',
  'GET /api/public/letters/{token}/{format}': 'public',
  'GET /api/admin/outbox': ['admin'],
  'GET /api/admin/message-templates': ['admin'],
  'PUT /api/admin/message-templates/{kind}/{channel}': ['admin'],
};

// Harmless values for path parameters: the requests must reach the handler, never change anything.
const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'triage',
  year: '2026',
  file: '00000000-0000-4000-8000-000000000000.pdf',
  kind: 'no-such-kind',
  regime: '2019',
  code: 'NO_SUCH_OFFICE',
  dept: 'NO_SUCH_DEPT',
  username: 'no-such-user',
  remedyId: '00000000-0000-4000-8000-000000000000',
};
const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, p: string) => PARAMS[p] ?? 'x');

describe('permission matrix: every documented route, every role, and no token', () => {
  let stack: Stack;
  const tokens: Partial<Record<Role, string>> = {};
  let documented: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    for (const role of ROLES) {
      const res = await request(stack.http).post('/api/auth/login').send({ username: role, password: DEFAULT_DEMO_PASSWORD }).expect(200);
      tokens[role] = res.body.accessToken;
    }
    const doc = await request(stack.http).get('/api/docs-json').expect(200);
    // The step actions are one route, documented once per action with its body: counted once here.
    documented = [
      ...new Set(
        Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
          Object.keys(ops)
            .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
            .map((m) => `${m.toUpperCase()} ${path.replace(/\/actions\/[a-z-]+$/, '/actions/{name}')}`),
        ),
      ),
    ];
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists every documented route in the matrix, and only documented routes', () => {
    expect(documented.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !documented.includes(r))).toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (route, access) => {
    const [method, path] = route.split(' ');
    const call = (token?: string) => {
      const req = request(stack.http)[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](urlOf(path));
      if (token) req.set('Authorization', `Bearer ${token}`);
      return method === 'GET' ? req : req.send({});
    };
    const problems: string[] = [];
    const anonymous = (await call()).status;
    if (access === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) problems.push(`no token: ${anonymous}`);
    for (const role of ROLES) {
      const status = (await call(tokens[role])).status;
      const allowed = access === 'public' || access === 'any' || access.includes(role);
      if (allowed ? status === 401 || status === 403 : status !== 403)
        problems.push(`${role}: ${status} (${allowed ? 'allowed' : 'not allowed'})`);
    }
    expect(problems).toEqual([]);
  });
});
