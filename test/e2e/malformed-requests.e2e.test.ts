// Regressions found by fuzzing the OpenAPI document with schemathesis: each of these
// requests used to answer 500 (or hang and answer 503); bad input must be a 400 that
// names the field and the rule.
import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { startStack, type Stack } from '../support/stack';

describe('malformed requests get a 400 naming the field', () => {
  let stack: Stack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    for (const username of ['clerk', 'supervisor', 'admin']) {
      const res = await request(stack.http).post('/api/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }).expect(200);
      tokens[username] = res.body.accessToken;
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const auth = (username = 'clerk') => ({ Authorization: `Bearer ${tokens[username]}` });

  describe('GET /api/applications page beyond what PostgreSQL can OFFSET', () => {
    it.each(['1.6267789740849826e+308', '1e21', '1000001'])('page=%s is refused', async (page) => {
      const res = await request(stack.http).get('/api/applications').query({ page }).set(auth()).expect(400);
      expect(res.body.message).toEqual(['page: must not be greater than 1000000']);
    });

    it('the last allowed page answers, empty', async () => {
      const res = await request(stack.http).get('/api/applications').query({ page: '1000000', pageSize: '100' }).set(auth()).expect(200);
      expect(res.body).toMatchObject({ items: [], page: 1000000, pageSize: 100 });
    });
  });

  it.each([
    ['/api/applications', 'clerk'],
    ['/api/auth/login', 'clerk'],
  ])('a JSON array as the body of POST %s', async (path, username) => {
    const res = await request(stack.http)
      .post(path)
      .set(auth(username))
      .send([{ channel: 'in_person' }])
      .expect(400);
    expect(res.body.message).toEqual(['body: must be a JSON object']);
  });

  describe('the NUL character (PostgreSQL text cannot hold it)', () => {
    it.each(['q', 'department', 'assignee'])('in the query parameter %s', async (name) => {
      const res = await request(stack.http)
        .get('/api/applications')
        .query({ [name]: 'a\u0000b' })
        .set(auth())
        .expect(400);
      expect(res.body.message).toEqual([`${name}: must not contain the NUL character (U+0000)`]);
    });

    it('in the login username', async () => {
      const res = await request(stack.http).post('/api/auth/login').send({ username: 'clerk\u0000', password: 'x' }).expect(400);
      expect(res.body.message).toEqual(['username: must not contain the NUL character (U+0000)']);
    });

    it('a lone UTF-16 surrogate in a submission is a 400 naming the field, not text stored changed', async () => {
      // Sent as raw JSON: the escape \ud800 without its low half is valid JSON but not a character.
      const res = await request(stack.http)
        .post('/api/applications')
        .set(auth())
        .set('content-type', 'application/json')
        .send(
          '{"channel":"in_person","applicant":{"type":"natural_person","name":"张\\ud800三","contact":{"phone":"13800000000"}},"request":{"description":"申请公开某项目"}}',
        )
        .expect(400);
      expect(res.body.message).toEqual([expect.stringMatching(/^applicant\.name: must not contain a lone UTF-16 surrogate/)]);
      const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM applications');
      expect(n).toBe(0);
    });

    it('a receipt day before the 2008 Regulations is a 400 at once, not a retrying registration', async () => {
      const started = Date.now();
      const res = await request(stack.http)
        .post('/api/applications')
        .set(auth())
        .send({
          channel: 'in_person',
          receivedOn: '2008-04-30',
          applicant: { type: 'natural_person', name: '张三', contact: { phone: '13800000000' } },
          request: { description: '申请公开某项目' },
        })
        .expect(400);
      // Refused by validation, not after a 30 s wait on a registration that retries forever.
      expect(Date.now() - started).toBeLessThan(1000);
      expect(res.body.message).toEqual([expect.stringMatching(/^receivedOn: must be a date YYYY-MM-DD .* not before 2008-05-01/)]);
    });

    it('in a nested field of a submission, before any workflow starts', async () => {
      const res = await request(stack.http)
        .post('/api/applications')
        .set(auth())
        .send({
          channel: 'in_person',
          applicant: { type: 'natural_person', name: '张\u0000三', contact: { phone: '13800000000' } },
          request: { description: '申请公开\u0000某项目' },
        })
        .expect(400);
      expect(res.body.message).toEqual([
        'applicant.name: must not contain the NUL character (U+0000)',
        'request.description: must not contain the NUL character (U+0000)',
      ]);
      const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM applications');
      expect(n).toBe(0);
    });

    it('in a raw action body and in a path parameter', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      const body = await request(stack.http)
        .post(`/api/applications/${id}/actions/triage`)
        .set(auth())
        .send({ note: 'x\u0000' })
        .expect(400);
      expect(body.body.message).toEqual(['note: must not contain the NUL character (U+0000)']);
      const param = await request(stack.http).get(`/api/applications/${id}%00`).set(auth()).expect(400);
      expect(param.body.message).toEqual(['id: must not contain the NUL character (U+0000)']);
    });

    it('in an array element and in a field name', async () => {
      const res = await request(stack.http)
        .put('/api/admin/calendar/years/2027')
        .set(auth('admin'))
        .send({ year: 2027, official: true, days: [{ date: '2027-10-01', kind: 'holiday', name: '国庆\u0000' }], 'a\u0000': 1 })
        .expect(400);
      expect(res.body.message).toEqual([
        'days[0].name: must not contain the NUL character (U+0000)',
        'body: field name "a\\u0000": must not contain the NUL character (U+0000)',
      ]);
    });

    it('in the moment of the as-of view', async () => {
      const res = await request(stack.http)
        .get('/api/applications/00000000-0000-4000-8000-000000000000/at')
        .query({ moment: '2026-01-01\u0000' })
        .set(auth('supervisor'))
        .expect(400);
      expect(res.body.message).toEqual(['moment: must not contain the NUL character (U+0000)']);
    });
  });
});
