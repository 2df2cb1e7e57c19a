import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

// Issue 5: administrators manage offices, departments and users; every write is logged.
describe('administration: offices, departments, users and their log', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const NON_ADMINS = ['clerk', 'reviewer', 'supervisor', 'auditor'];

  const office = {
    code: 'TANCHENG',
    name: '郯城县人民政府办公室',
    registrationPrefix: 'TCZF',
    noticePrefix: '郯政公开',
    reconsiderationOrgan: '临沂市人民政府',
    address: '山东省临沂市郯城县人民路1号',
    postcode: '276100',
    phone: '0539-6221234',
    contactPerson: '刘科长',
    court: '郯城县人民法院',
  };
  const newClerk = {
    username: 'zhang.san',
    displayName: '张三（承办人）',
    role: 'clerk',
    officeCode: 'LINYI',
    departmentCode: 'LAND',
    password: 'Land-clerk-2026',
  };

  const login = (username: string, password: string) => request(stack.http).post('/api/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const auditRows = async (): Promise<number> =>
    (await stack.dataSource.query('SELECT count(*)::int AS n FROM admin_audit'))[0].n as number;
  /** The 400's messages; each must start with the field it names. */
  const rejected = async (req: request.Test, field: string): Promise<string[]> => {
    const res = await req.expect(400);
    const messages: string[] = Array.isArray(res.body.message) ? res.body.message : [res.body.message];
    expect(messages.some((m) => m.startsWith(`${field}:`))).toBe(true);
    return messages;
  };

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['admin', ...NON_ADMINS]);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses every administration route to the other roles, and the log to all but admins and auditors', async () => {
    const routes: [string, string][] = [
      ['get', '/api/admin/offices'],
      ['post', '/api/admin/offices'],
      ['patch', '/api/admin/offices/LINYI'],
      ['get', '/api/admin/offices/LINYI/departments'],
      ['post', '/api/admin/offices/LINYI/departments'],
      ['patch', '/api/admin/offices/LINYI/departments/OGI'],
      ['get', '/api/admin/users'],
      ['post', '/api/admin/users'],
      ['patch', '/api/admin/users/clerk'],
      ['post', '/api/admin/users/clerk/password'],
    ];
    for (const who of NON_ADMINS) {
      for (const [method, url] of routes) {
        const res = await request(stack.http)[method as 'get' | 'post' | 'patch'](url).set(as(who)).send({ name: 'x' });
        expect([who, method, url, res.status]).toEqual([who, method, url, 403]);
      }
    }
    for (const who of ['clerk', 'reviewer', 'supervisor']) await request(stack.http).get('/api/admin/audit').set(as(who)).expect(403);
    await request(stack.http).get('/api/admin/audit').set(as('auditor')).expect(200);
    expect(await auditRows()).toBe(0);
  });

  it('creates an office with its contact block, lists it, and refuses the same code twice', async () => {
    const list = await request(stack.http).get('/api/admin/offices').set(as('admin')).expect(200);
    expect(list.body.items.map((o: { code: string }) => o.code)).toEqual(['LINYI']);

    const created = await request(stack.http).post('/api/admin/offices').set(as('admin')).send(office).expect(201);
    expect(created.body).toEqual({ ...office, createdAt: expect.any(String) });
    const minimal = await request(stack.http)
      .post('/api/admin/offices')
      .set(as('admin'))
      .send({
        code: 'YINAN',
        name: '沂南县人民政府办公室',
        registrationPrefix: 'YNZF',
        reconsiderationOrgan: '临沂市人民政府',
        court: '沂南县人民法院',
        address: '山东省临沂市沂南县人民路1号',
        phone: '0539-3221234',
      })
      .expect(201);
    expect(minimal.body).toMatchObject({ code: 'YINAN', noticePrefix: null, postcode: null, contactPerson: null, court: '沂南县人民法院' });

    const dup = await request(stack.http)
      .post('/api/admin/offices')
      .set(as('admin'))
      .send({ ...office, name: '另一个' })
      .expect(409);
    expect(dup.body.message).toBe('code: office TANCHENG already exists');
    const again = await request(stack.http).get('/api/admin/offices').set(as('admin')).expect(200);
    expect(again.body.items.map((o: { code: string }) => o.code)).toEqual(['LINYI', 'TANCHENG', 'YINAN']);
    expect(again.body.items[1]).toEqual(created.body);
  });

  it('rejects every broken office rule with a 400 naming the field, and writes nothing then', async () => {
    const before = await auditRows();
    const post = (patch: Record<string, unknown>) =>
      request(stack.http)
        .post('/api/admin/offices')
        .set(as('admin'))
        .send({ ...office, code: 'FEIXIAN', ...patch });
    // Every reply letter names the organ that hears a reconsideration and the court: both are required.
    await rejected(post({ reconsiderationOrgan: undefined }), 'reconsiderationOrgan');
    await rejected(post({ court: undefined }), 'court');
    await rejected(post({ reconsiderationOrgan: null }), 'reconsiderationOrgan');
    // Every letter's contact block gives the office's address and phone: both are required too.
    await rejected(post({ address: undefined }), 'address');
    await rejected(post({ address: null }), 'address');
    await rejected(post({ address: '  ' }), 'address');
    await rejected(post({ phone: undefined }), 'phone');
    await rejected(post({ phone: null }), 'phone');
    // An office never reviews its own act (legal-rules.md section 7).
    await rejected(post({ reconsiderationOrgan: office.name }), 'reconsiderationOrgan');
    await rejected(post({ code: 'feixian' }), 'code');
    await rejected(post({ code: 'F' }), 'code');
    await rejected(post({ code: '1FEI' }), 'code');
    await rejected(post({ code: `F${'X'.repeat(32)}` }), 'code');
    await rejected(post({ registrationPrefix: 'fxzf' }), 'registrationPrefix');
    await rejected(post({ registrationPrefix: 'F' }), 'registrationPrefix');
    await rejected(post({ registrationPrefix: 'FXZF1' }), 'registrationPrefix');
    await rejected(post({ registrationPrefix: 'ABCDEFGHI' }), 'registrationPrefix');
    await rejected(post({ name: '' }), 'name');
    await rejected(post({ name: '   ' }), 'name');
    await rejected(post({ name: '名'.repeat(201) }), 'name');
    await rejected(post({ name: 7 }), 'name');
    await rejected(post({ noticePrefix: 'x'.repeat(51) }), 'noticePrefix');
    await rejected(post({ reconsiderationOrgan: 'x'.repeat(201) }), 'reconsiderationOrgan');
    await rejected(post({ address: 'x'.repeat(501) }), 'address');
    await rejected(post({ postcode: '27610' }), 'postcode');
    await rejected(post({ postcode: '2761000' }), 'postcode');
    await rejected(post({ phone: '12' }), 'phone');
    await rejected(post({ phone: 'call me' }), 'phone');
    await rejected(post({ contactPerson: 'x'.repeat(101) }), 'contactPerson');
    await rejected(post({ court: 'x'.repeat(201) }), 'court');
    await rejected(post({ colour: 'red' }), 'colour');
    const nul = await rejected(post({ name: 'a\u0000b' }), 'name');
    expect(nul).toEqual(['name: must not contain the NUL character (U+0000)']);
    const missing = await request(stack.http).post('/api/admin/offices').set(as('admin')).send({}).expect(400);
    expect(missing.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^code: /),
        expect.stringMatching(/^name: /),
        expect.stringMatching(/^registrationPrefix: /),
      ]),
    );
    const offices = await request(stack.http).get('/api/admin/offices').set(as('admin')).expect(200);
    expect(offices.body.items.map((o: { code: string }) => o.code)).not.toContain('FEIXIAN');
    expect(await auditRows()).toBe(before);
  });

  it('changes an office field by field, clears optional texts with null, and never its code', async () => {
    const changed = await request(stack.http)
      .patch('/api/admin/offices/TANCHENG')
      .set(as('admin'))
      .send({ name: '郯城县人民政府', postcode: null, phone: '0539-6229999' })
      .expect(200);
    expect(changed.body).toMatchObject({ ...office, name: '郯城县人民政府', postcode: null, phone: '0539-6229999' });
    const [row] = await stack.dataSource.query(`SELECT name, postcode, phone, court FROM offices WHERE code = 'TANCHENG'`);
    expect(row).toEqual({ name: '郯城县人民政府', postcode: null, phone: '0539-6229999', court: office.court });

    // The same PATCH again: nothing changes and nothing more is logged.
    const logged = await auditRows();
    await request(stack.http)
      .patch('/api/admin/offices/TANCHENG')
      .set(as('admin'))
      .send({ name: '郯城县人民政府', postcode: null, phone: '0539-6229999' })
      .expect(200);
    expect(await auditRows()).toBe(logged);

    const patch = (body: Record<string, unknown>) => request(stack.http).patch('/api/admin/offices/TANCHENG').set(as('admin')).send(body);
    await rejected(patch({ code: 'OTHER' }), 'code');
    await rejected(patch({ name: null }), 'name');
    await rejected(patch({ registrationPrefix: null }), 'registrationPrefix');
    await rejected(patch({ registrationPrefix: 'tc' }), 'registrationPrefix');
    await rejected(patch({ postcode: 'abcdef' }), 'postcode');
    await rejected(patch({ court: '' }), 'court');
    await rejected(patch({ court: null }), 'court');
    await rejected(patch({ reconsiderationOrgan: null }), 'reconsiderationOrgan');
    await rejected(patch({ address: null }), 'address');
    await rejected(patch({ phone: null }), 'phone');
    const missing = await request(stack.http).patch('/api/admin/offices/NOWHERE').set(as('admin')).send({ name: 'x' }).expect(404);
    expect(missing.body.message).toBe('office NOWHERE not found');
  });

  it('creates and renames departments of an office', async () => {
    const list = await request(stack.http).get('/api/admin/offices/LINYI/departments').set(as('admin')).expect(200);
    expect(list.body.items.map((d: { code: string }) => d.code)).toEqual(['ENV', 'HUD', 'NRB', 'OGI']);

    const created = await request(stack.http)
      .post('/api/admin/offices/LINYI/departments')
      .set(as('admin'))
      .send({ code: 'LAND', name: '市土地储备中心' })
      .expect(201);
    expect(created.body).toEqual({ officeCode: 'LINYI', code: 'LAND', name: '市土地储备中心', createdAt: expect.any(String) });
    // The same code in another office is another department.
    await request(stack.http)
      .post('/api/admin/offices/TANCHENG/departments')
      .set(as('admin'))
      .send({ code: 'LAND', name: '县土地储备中心' })
      .expect(201);
    const dup = await request(stack.http)
      .post('/api/admin/offices/LINYI/departments')
      .set(as('admin'))
      .send({ code: 'LAND', name: '市土地储备中心' })
      .expect(409);
    expect(dup.body.message).toBe('code: department LAND already exists in office LINYI');

    const post = (body: Record<string, unknown>) =>
      request(stack.http).post('/api/admin/offices/LINYI/departments').set(as('admin')).send(body);
    await rejected(post({ code: 'land', name: '土地' }), 'code');
    await rejected(post({ code: 'L', name: '土地' }), 'code');
    await rejected(post({ code: 'LAND2', name: ' ' }), 'name');
    await rejected(post({ code: 'LAND2', name: 'x'.repeat(201) }), 'name');
    await rejected(post({ code: 'LAND2', name: '土地', office: 'LINYI' }), 'office');
    await request(stack.http)
      .post('/api/admin/offices/NOWHERE/departments')
      .set(as('admin'))
      .send({ code: 'LAND', name: '土地' })
      .expect(404);
    await request(stack.http).get('/api/admin/offices/NOWHERE/departments').set(as('admin')).expect(404);

    const renamed = await request(stack.http)
      .patch('/api/admin/offices/LINYI/departments/LAND')
      .set(as('admin'))
      .send({ name: '市土地储备和利用中心' })
      .expect(200);
    expect(renamed.body).toMatchObject({ officeCode: 'LINYI', code: 'LAND', name: '市土地储备和利用中心' });
    await rejected(request(stack.http).patch('/api/admin/offices/LINYI/departments/LAND').set(as('admin')).send({ name: null }), 'name');
    await rejected(request(stack.http).patch('/api/admin/offices/LINYI/departments/LAND').set(as('admin')).send({ code: 'X1' }), 'code');
    const gone = await request(stack.http)
      .patch('/api/admin/offices/LINYI/departments/NOPE')
      .set(as('admin'))
      .send({ name: 'x' })
      .expect(404);
    expect(gone.body.message).toBe('department NOPE not found in office LINYI');
  });

  it('creates a clerk in a department who can log in and register an application there', async () => {
    const created = await request(stack.http).post('/api/admin/users').set(as('admin')).send(newClerk).expect(201);
    const { password: _p, ...shown } = newClerk;
    expect(created.body).toEqual({ ...shown, active: true, email: null, openCases: 0, createdAt: expect.any(String) });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password/i);
    const [row] = await stack.dataSource.query(`SELECT password_hash FROM users WHERE username = 'zhang.san'`);
    expect(row.password_hash).toMatch(/^scrypt\$/);

    const dup = await request(stack.http)
      .post('/api/admin/users')
      .set(as('admin'))
      .send({ ...newClerk, displayName: '另一个' })
      .expect(409);
    expect(dup.body.message).toBe('username: user zhang.san already exists');

    const session = await login('zhang.san', newClerk.password).expect(200);
    expect(session.body.role).toBe('clerk');
    const registered = await request(stack.http)
      .post('/api/applications')
      .set(bearer(session.body.accessToken))
      .send(inPersonSubmission())
      .expect(201);
    expect(registered.body.registrationNumber).toMatch(/^LYZF-\d{4}-\d{5}$/);

    // Assigned to the new department and clerk: the new clerk sees it, the OGI clerk no longer does.
    await request(stack.http)
      .post(`/api/applications/${registered.body.id}/actions/triage`)
      .set(bearer(session.body.accessToken))
      .send({ outcome: 'accept' })
      .expect(200);
    await request(stack.http)
      .post(`/api/applications/${registered.body.id}/actions/assign`)
      .set(as('supervisor'))
      .send({ assignee: 'zhang.san', department: 'LAND' })
      .expect(200);
    const mine = await request(stack.http).get(`/api/applications/${registered.body.id}`).set(bearer(session.body.accessToken)).expect(200);
    expect(mine.body.assignee).toBe('zhang.san');
    await request(stack.http).get(`/api/applications/${registered.body.id}`).set(as('clerk')).expect(404);
    const inbox = await request(stack.http).get('/api/me/inbox').set(bearer(session.body.accessToken)).expect(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ id: registered.body.id, reasons: ['assigned'] })]);
  });

  it('rejects every broken user rule with a 400 naming the field', async () => {
    const post = (patch: Record<string, unknown>) =>
      request(stack.http)
        .post('/api/admin/users')
        .set(as('admin'))
        .send({ ...newClerk, username: 'li.si', ...patch });
    await rejected(post({ username: 'Li.Si' }), 'username');
    await rejected(post({ username: 'ls' }), 'username');
    await rejected(post({ username: '1lisi' }), 'username');
    await rejected(post({ username: `l${'i'.repeat(32)}` }), 'username');
    await rejected(post({ displayName: '' }), 'displayName');
    await rejected(post({ displayName: 'x'.repeat(101) }), 'displayName');
    await rejected(post({ role: 'root' }), 'role');
    await rejected(post({ password: 'Short-1' }), 'password');
    await rejected(post({ password: 'no-digits-at-all' }), 'password');
    await rejected(post({ password: '1234567890-' }), 'password');
    expect(await rejected(post({ password: 'Li.si-2026-pass' }), 'password')).toEqual(['password: must not contain the username']);
    await rejected(post({ passwordHash: 'scrypt$1' }), 'passwordHash');
    await rejected(post({ officeCode: 'NOWHERE' }), 'officeCode');
    expect(await rejected(post({ departmentCode: 'NOPE' }), 'departmentCode')).toEqual([
      'departmentCode: office LINYI has no department NOPE',
    ]);
    // LAND of another office is not LINYI's: YINAN has no LAND.
    await rejected(post({ officeCode: 'YINAN' }), 'departmentCode');
    for (const role of ['clerk', 'reviewer', 'supervisor']) {
      expect(await rejected(post({ role, departmentCode: undefined }), 'departmentCode')).toEqual([
        `departmentCode: is required for role ${role}`,
      ]);
    }
    const auditor = await request(stack.http)
      .post('/api/admin/users')
      .set(as('admin'))
      .send({ username: 'li.si', displayName: '李四（审计）', role: 'auditor', officeCode: 'TANCHENG', password: 'Auditor-2026' })
      .expect(201);
    expect(auditor.body).toMatchObject({ officeCode: 'TANCHENG', departmentCode: null, role: 'auditor' });
    const users = await request(stack.http).get('/api/admin/users').set(as('admin')).expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username)).not.toContain('Li.Si');
  });

  it('lists users filtered by office, role and active, never with a password hash', async () => {
    const all = await request(stack.http).get('/api/admin/users').set(as('admin')).expect(200);
    expect(all.body.items.map((u: { username: string }) => u.username)).toEqual([
      'admin',
      'auditor',
      'clerk',
      'li.si',
      'reviewer',
      'supervisor',
      'zhang.san',
    ]);
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|passwordHash|password_hash/);
    expect(all.body.items[0]).toEqual({
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      officeCode: 'LINYI',
      departmentCode: null,
      active: true,
      email: null,
      openCases: 0,
      createdAt: expect.any(String),
    });
    const clerks = await request(stack.http).get('/api/admin/users?office=LINYI&role=clerk&active=true').set(as('admin')).expect(200);
    expect(clerks.body.items.map((u: { username: string }) => u.username)).toEqual(['clerk', 'zhang.san']);
    const tancheng = await request(stack.http).get('/api/admin/users?office=TANCHENG').set(as('admin')).expect(200);
    expect(tancheng.body.items.map((u: { username: string }) => u.username)).toEqual(['li.si']);
    const inactive = await request(stack.http).get('/api/admin/users?active=false').set(as('admin')).expect(200);
    expect(inactive.body.items).toEqual([]);
    await rejected(request(stack.http).get('/api/admin/users?role=root').set(as('admin')), 'role');
    await rejected(request(stack.http).get('/api/admin/users?active=yes').set(as('admin')), 'active');
    await rejected(request(stack.http).get('/api/admin/users?colour=red').set(as('admin')), 'colour');
  });

  it('changes a user, and the change applies to their next request', async () => {
    const token = (await login('zhang.san', newClerk.password).expect(200)).body.accessToken;
    await request(stack.http).get('/api/supervision/board').set(bearer(token)).expect(403);
    const promoted = await request(stack.http)
      .patch('/api/admin/users/zhang.san')
      .set(as('admin'))
      .send({ role: 'supervisor', displayName: '张三（科长）', departmentCode: 'OGI' })
      .expect(200);
    expect(promoted.body).toMatchObject({ username: 'zhang.san', role: 'supervisor', displayName: '张三（科长）', departmentCode: 'OGI' });
    // The same token, the new role.
    await request(stack.http).get('/api/supervision/board').set(bearer(token)).expect(200);

    const patch = (body: Record<string, unknown>) => request(stack.http).patch('/api/admin/users/zhang.san').set(as('admin')).send(body);
    expect(await rejected(patch({ departmentCode: null }), 'departmentCode')).toEqual(['departmentCode: is required for role supervisor']);
    await rejected(patch({ departmentCode: 'NOPE' }), 'departmentCode');
    await rejected(patch({ role: 'root' }), 'role');
    await rejected(patch({ role: null }), 'role');
    await rejected(patch({ active: 'no' }), 'active');
    await rejected(patch({ displayName: '  ' }), 'displayName');
    await rejected(patch({ username: 'zhang.si' }), 'username');
    await rejected(patch({ officeCode: 'TANCHENG' }), 'officeCode');
    await rejected(patch({ password: 'Another-2026x' }), 'password');
    const auditor = await patch({ role: 'auditor', departmentCode: null }).expect(200);
    expect(auditor.body).toMatchObject({ role: 'auditor', departmentCode: null });
    await request(stack.http).patch('/api/admin/users/nobody').set(as('admin')).send({ active: false }).expect(404);
    await patch({ role: 'clerk', departmentCode: 'LAND', displayName: newClerk.displayName }).expect(200);
  });

  it('never lets an administrator deactivate themselves or drop their own admin role', async () => {
    const self = (body: Record<string, unknown>) => request(stack.http).patch('/api/admin/users/admin').set(as('admin')).send(body);
    expect((await self({ active: false }).expect(409)).body.message).toBe('active: an administrator cannot deactivate their own account');
    expect((await self({ role: 'auditor' }).expect(409)).body.message).toBe('role: an administrator cannot remove their own admin role');
    expect((await self({ role: 'clerk', departmentCode: 'OGI' }).expect(409)).body.message).toMatch(/^role: /);
    await self({ displayName: '系统管理员（一）' }).expect(200);
    await request(stack.http).get('/api/admin/users').set(as('admin')).expect(200);

    // Another administrator may be changed by this one.
    await request(stack.http)
      .post('/api/admin/users')
      .set(as('admin'))
      .send({ username: 'admin.two', displayName: '管理员二', role: 'admin', officeCode: 'LINYI', password: 'Second-admin-1' })
      .expect(201);
    await request(stack.http).patch('/api/admin/users/admin.two').set(as('admin')).send({ role: 'auditor' }).expect(200);
  });

  it('deactivates a user: their token stops at once and they cannot log in; reactivation needs a new login', async () => {
    const token = (await login('zhang.san', newClerk.password).expect(200)).body.accessToken;
    await request(stack.http).get('/api/me/inbox').set(bearer(token)).expect(200);
    // The case assigned to them above is still open: the administrator is told they hold it.
    const holding = await waitFor(
      async () => (await request(stack.http).get('/api/admin/users?role=clerk').set(as('admin')).expect(200)).body.items,
      (items: { username: string; openCases: number }[]) => items.some((u) => u.username === 'zhang.san' && u.openCases === 1),
    );
    expect(holding.find((u: { username: string }) => u.username === 'zhang.san')).toMatchObject({ active: true, openCases: 1 });
    const off = await request(stack.http).patch('/api/admin/users/zhang.san').set(as('admin')).send({ active: false }).expect(200);
    expect(off.body).toMatchObject({ active: false, openCases: 1 });
    // The supervisors' board lists the case for reassignment until then.
    const held = async () =>
      (await request(stack.http).get('/api/supervision/board').set(as('supervisor')).expect(200)).body.heldByDeactivated;
    expect(await held()).toMatchObject({ count: 1, byAssignee: [{ assignee: 'zhang.san', count: 1 }], items: [{ assignee: 'zhang.san' }] });

    const refused = await request(stack.http).get('/api/me/inbox').set(bearer(token)).expect(401);
    expect(refused.body.message).toBe('Authorization: the account is deactivated');
    expect((await login('zhang.san', newClerk.password).expect(401)).body.message).toBe('username or password is wrong');
    const inactive = await request(stack.http).get('/api/admin/users?active=false').set(as('admin')).expect(200);
    expect(inactive.body.items.map((u: { username: string }) => u.username)).toEqual(['zhang.san']);

    await request(stack.http).patch('/api/admin/users/zhang.san').set(as('admin')).send({ active: true }).expect(200);
    expect(await held()).toMatchObject({ count: 0, items: [] });
    const revoked = await request(stack.http).get('/api/me/inbox').set(bearer(token)).expect(401);
    expect(revoked.body.message).toMatch(/revoked/);
    const fresh = (await login('zhang.san', newClerk.password).expect(200)).body.accessToken;
    await request(stack.http).get('/api/me/inbox').set(bearer(fresh)).expect(200);
  });

  it('resets a password: the old one and the tokens issued with it stop working', async () => {
    const token = (await login('zhang.san', newClerk.password).expect(200)).body.accessToken;
    const reset = (password: unknown, username = 'zhang.san') =>
      request(stack.http).post(`/api/admin/users/${username}/password`).set(as('admin')).send({ password });
    await rejected(reset('short-1'), 'password');
    await rejected(reset('onlyletters-here'), 'password');
    expect(await rejected(reset('ZHANG.SAN-2027x'), 'password')).toEqual(['password: must not contain the username']);
    await rejected(request(stack.http).post('/api/admin/users/zhang.san/password').set(as('admin')).send({}), 'password');
    await reset('Brand-new-2027', 'nobody').expect(404);
    await request(stack.http).get('/api/me/inbox').set(bearer(token)).expect(200);

    const done = await reset('Brand-new-2027').expect(200);
    expect(done.body).toMatchObject({ username: 'zhang.san', active: true });
    expect(JSON.stringify(done.body)).not.toMatch(/scrypt|Brand-new/);
    await request(stack.http).get('/api/me/inbox').set(bearer(token)).expect(401);
    await login('zhang.san', newClerk.password).expect(401);
    const fresh = (await login('zhang.san', 'Brand-new-2027').expect(200)).body.accessToken;
    await request(stack.http).get('/api/me/inbox').set(bearer(fresh)).expect(200);
    // The demo users' tokens (signed before any reset) keep working.
    await request(stack.http).get('/api/me/inbox').set(as('clerk')).expect(200);
    await login('clerk', DEFAULT_DEMO_PASSWORD).expect(200);
  });

  it('logs every write with who, when, what, before and after, never a password, for admins and auditors', async () => {
    const all = await request(stack.http).get('/api/admin/audit?pageSize=200').set(as('auditor')).expect(200);
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|Brand-new|Land-clerk|password_hash|passwordHash/);
    const actions = all.body.items.map((e: { action: string; entityKey: string }) => `${e.action} ${e.entityKey}`).reverse();
    expect(actions).toEqual([
      'office.create TANCHENG',
      'office.create YINAN',
      'office.update TANCHENG',
      'department.create LINYI/LAND',
      'department.create TANCHENG/LAND',
      'department.update LINYI/LAND',
      'user.create zhang.san',
      'user.create li.si',
      'user.update zhang.san',
      'user.update zhang.san',
      'user.update zhang.san',
      'user.update admin',
      'user.create admin.two',
      'user.update admin.two',
      'user.update zhang.san',
      'user.update zhang.san',
      'user.password-reset zhang.san',
    ]);
    expect(all.body.total).toBe(actions.length);
    expect(all.body.items.every((e: { actor: string; actorRole: string }) => e.actor === 'admin' && e.actorRole === 'admin')).toBe(true);

    const officeLog = await request(stack.http).get('/api/admin/audit?entityType=office&entityKey=TANCHENG').set(as('admin')).expect(200);
    const update = officeLog.body.items[0];
    expect(update).toMatchObject({ action: 'office.update', entityType: 'office', occurredAt: expect.any(String) });
    expect(update.before).toMatchObject({ name: office.name, postcode: office.postcode });
    expect(update.after).toMatchObject({ name: '郯城县人民政府', postcode: null });
    const created = officeLog.body.items[1];
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ code: 'TANCHENG', registrationPrefix: 'TCZF' });

    const deactivation = await request(stack.http)
      .get('/api/admin/audit?entityType=user&entityKey=zhang.san&pageSize=3')
      .set(as('admin'))
      .expect(200);
    expect(deactivation.body).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(deactivation.body.items[2]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(deactivation.body.items[0].after).toMatchObject({ username: 'zhang.san', tokensRevoked: true });
    const byActor = await request(stack.http).get('/api/admin/audit?actor=someone-else').set(as('admin')).expect(200);
    expect(byActor.body).toMatchObject({ items: [], total: 0 });

    await rejected(request(stack.http).get('/api/admin/audit?entityType=calendar').set(as('admin')), 'entityType');
    await rejected(request(stack.http).get('/api/admin/audit?pageSize=0').set(as('admin')), 'pageSize');
    await rejected(request(stack.http).get('/api/admin/audit?page=x').set(as('admin')), 'page');
    // The log is append-only in the database itself.
    await expect(stack.dataSource.query(`UPDATE admin_audit SET actor = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(stack.dataSource.query(`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);
  });
  // Last: its writes would otherwise show up in the log test above.
  it("registers what a clerk of another office submits in that office: its numbers, its staff's view", async () => {
    const lanling = {
      code: 'LANLING',
      name: '兰陵县人民政府办公室',
      registrationPrefix: 'LLZF',
      reconsiderationOrgan: '临沂市人民政府',
      court: '兰陵县人民法院',
      address: '山东省临沂市兰陵县人民路1号',
      phone: '0539-5221234',
    };
    await request(stack.http).post('/api/admin/offices').set(as('admin')).send(lanling).expect(201);
    await request(stack.http)
      .post('/api/admin/offices/LANLING/departments')
      .set(as('admin'))
      .send({ code: 'OGI', name: '政务公开办' })
      .expect(201);
    const clerk = {
      username: 'wang.wu',
      displayName: '王五',
      role: 'clerk',
      officeCode: 'LANLING',
      departmentCode: 'OGI',
      password: 'Lanling-clerk-2026',
    };
    await request(stack.http).post('/api/admin/users').set(as('admin')).send(clerk).expect(201);
    const session = await login('wang.wu', clerk.password).expect(200);
    const registered = await request(stack.http)
      .post('/api/applications')
      .set(bearer(session.body.accessToken))
      .send(inPersonSubmission())
      .expect(201);
    expect(registered.body.registrationNumber).toMatch(/^LLZF-\d{4}-00001$/);
    const [row] = await stack.dataSource.query('SELECT o.code FROM applications a JOIN offices o ON o.id = a.office_id WHERE a.id = $1', [
      registered.body.id,
    ]);
    expect(row.code).toBe('LANLING');
    await request(stack.http).get(`/api/applications/${registered.body.id}`).set(bearer(session.body.accessToken)).expect(200);
    await request(stack.http).get(`/api/applications/${registered.body.id}`).set(as('clerk')).expect(404);
  });

  it('keeps a staff e-mail address for reminders and escalations, and removes it with null', async () => {
    const set = await request(stack.http)
      .patch('/api/admin/users/reviewer')
      .set(as('admin'))
      .send({ email: 'reviewer@linyi.example' })
      .expect(200);
    expect(set.body.email).toBe('reviewer@linyi.example');
    await rejected(request(stack.http).patch('/api/admin/users/reviewer').set(as('admin')).send({ email: 'not-an-address' }), 'email');
    const removed = await request(stack.http).patch('/api/admin/users/reviewer').set(as('admin')).send({ email: null }).expect(200);
    expect(removed.body.email).toBeNull();
  });
});
