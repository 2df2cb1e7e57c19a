// The workbench logs in with a session cookie no script can read (HttpOnly, SameSite=Strict),
// writes carry the session's CSRF token, logout and a password reset end the session; bearer
// tokens keep working for other clients. Every error carries its stable code.
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { inPersonSubmission, loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

describe('workbench sessions and error codes', () => {
  let stack: Stack;
  let as: AuthHeaders;
  const startSession = (username: string, password = DEFAULT_DEMO_PASSWORD) =>
    request(stack.http).post('/api/auth/session').send({ username, password });
  const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'supervisor', 'admin']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie, storing only a hash of it', async () => {
    const res = await startSession('clerk').expect(200);
    const [setCookie] = res.headers['set-cookie'] as unknown as string[];
    expect(setCookie).toMatch(/^de_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(res.body).toMatchObject({
      user: { username: 'clerk', role: 'clerk', roles: ['clerk'], officeCode: 'LINYI', departmentCode: 'OGI' },
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const id = cookieOf(res).slice('de_session='.length);
    const rows = await stack.dataSource.query('SELECT id_hash FROM sessions WHERE id_hash = $1 OR id_hash = $2', [id, res.body.csrfToken]);
    expect(rows).toEqual([]);
    const again = await request(stack.http).get('/api/auth/session').set('Cookie', cookieOf(res)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('reads with the cookie alone, and writes only with the CSRF token of the session', async () => {
    const s = await startSession('clerk').expect(200);
    const cookie = cookieOf(s);
    await request(stack.http).get('/api/applications').set('Cookie', cookie).expect(200);
    const refused = await request(stack.http).post('/api/applications').set('Cookie', cookie).send(inPersonSubmission()).expect(403);
    expect(refused.body).toMatchObject({ code: 'CSRF_FAILED', message: expect.stringMatching(/^X-CSRF-Token: /) });
    const other = await startSession('clerk').expect(200);
    await request(stack.http)
      .post('/api/applications')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', other.body.csrfToken)
      .send(inPersonSubmission())
      .expect(403);
    await request(stack.http)
      .post('/api/applications')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', s.body.csrfToken)
      .send(inPersonSubmission())
      .expect(201);
  });

  it('logs out: the cookie is cleared and the old one no longer works', async () => {
    const s = await startSession('clerk').expect(200);
    const cookie = cookieOf(s);
    const out = await request(stack.http)
      .delete('/api/auth/session')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', s.body.csrfToken)
      .expect(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^de_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
    const gone = await request(stack.http).get('/api/auth/session').set('Cookie', cookie).expect(401);
    expect(gone.body.code).toBe('SESSION_EXPIRED');
  });

  it('ends the sessions of a user whose password is reset', async () => {
    const s = await startSession('supervisor').expect(200);
    await request(stack.http)
      .post('/api/admin/users/supervisor/password')
      .set(as('admin'))
      .send({ password: DEFAULT_DEMO_PASSWORD })
      .expect(200);
    expect((await request(stack.http).get('/api/auth/session').set('Cookie', cookieOf(s)).expect(401)).body.code).toBe('SESSION_EXPIRED');
  });

  it('keeps bearer tokens working, without a CSRF token', async () => {
    const me = await request(stack.http).get('/api/auth/session').set(as('clerk')).expect(200);
    expect(me.body).toMatchObject({ user: { username: 'clerk' }, csrfToken: null });
    await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    const none = await request(stack.http).get('/api/applications').expect(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
  });

  it('says LOGIN_FAILED for a wrong password and LOGIN_THROTTLED with the wait after five', async () => {
    const wrong = await startSession('reviewer', 'wrong-password').expect(401);
    expect(wrong.body).toMatchObject({ code: 'LOGIN_FAILED', message: 'username or password is wrong' });
    for (let i = 0; i < 4; i++) await startSession('reviewer', 'wrong-password').expect(401);
    const throttled = await startSession('reviewer').expect(429);
    expect(throttled.body).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(throttled.body.retryAfterSeconds).toBeGreaterThan(800);
    expect(throttled.headers['retry-after']).toBe(String(throttled.body.retryAfterSeconds));
  });

  it('gives every error its code: not found, validation with the field, wrong state, wrong role', async () => {
    const missing = await request(stack.http).get(`/api/applications/${randomUUID()}`).set(as('clerk')).expect(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
    const invalid = await request(stack.http)
      .post('/api/applications')
      .set(as('clerk'))
      .send({ ...inPersonSubmission(), channel: 'pigeon' })
      .expect(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'channel' });
    const { body: c } = await request(stack.http).post('/api/applications').set(as('clerk')).send(inPersonSubmission()).expect(201);
    const early = await request(stack.http).post(`/api/applications/${c.id}/actions/issue-notice`).set(as('clerk')).send({}).expect(409);
    expect(early.body.code).toBe('ACTION_NOT_ALLOWED');
    const role = await request(stack.http).get('/api/supervision/board').set(as('clerk')).expect(403);
    expect(role.body.code).toBe('FORBIDDEN_ROLE');
    const route = await request(stack.http).get('/api/no-such-route').set(as('clerk')).expect(404);
    expect(route.body.code).toBe('NOT_FOUND');
  });
});
