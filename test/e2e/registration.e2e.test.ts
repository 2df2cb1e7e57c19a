import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { workflowIdFor } from '../../libs/contracts/application';
import { stateQuery } from '../../libs/contracts/workflow';
import { startStack, type Stack } from '../support/stack';

const submission = {
  channel: 'in_person',
  receivedOn: '2024-09-27',
  applicant: { type: 'natural_person', name: '张三', idNumber: '371302199001011233', contact: { phone: '13800000000' } },
  request: { description: '申请公开某片区棚户区改造项目征收补偿方案', documentNumber: '临政发〔2024〕1号' },
};

describe('registration through API + worker + Temporal dev server + PostgreSQL', () => {
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    stack = await startStack();
    const res = await request(stack.http).post('/api/auth/login').send({ username: 'clerk', password: DEFAULT_DEMO_PASSWORD }).expect(200);
    token = res.body.accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });

  it('registers an application and reads it back from PostgreSQL', async () => {
    const created = await request(stack.http).post('/api/applications').set(auth()).send(submission).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      registrationNumber: expect.stringMatching(/^LYZF-\d{4}-\d{5}$/),
      regime: '2019',
      receivedOn: '2024-09-27',
      // 20 working days after 2024-09-27 across the National Day holiday and its make-up days
      dueOn: '2024-10-30',
      status: 'registered',
    });

    const read = await request(stack.http).get(`/api/applications/${created.body.id}`).set(auth()).expect(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      registrationNumber: created.body.registrationNumber,
      dueOn: '2024-10-30',
      channel: 'in_person',
      applicant: { type: 'natural_person', name: '张三', idNumberMasked: '371*************33' },
      request: { description: submission.request.description, documentNumber: '临政发〔2024〕1号' },
      createdBy: 'clerk',
    });
    expect(JSON.stringify(read.body)).not.toContain('371302199001011233');

    // The workflow holds the same registration, and the audit log has its first event.
    const state = await stack.temporal.workflow.getHandle(workflowIdFor(created.body.id)).query(stateQuery);
    expect(state.registration).toEqual(created.body);
    const events = await stack.dataSource.query('SELECT seq, type, actor FROM case_events WHERE application_id = $1', [created.body.id]);
    expect(events).toEqual([{ seq: 1, type: 'registered', actor: 'clerk' }]);
  });

  it('numbers applications consecutively per office and year', async () => {
    const a = await request(stack.http).post('/api/applications').set(auth()).send(submission).expect(201);
    const b = await request(stack.http).post('/api/applications').set(auth()).send(submission).expect(201);
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(seq(b.body.registrationNumber)).toBe(seq(a.body.registrationNumber) + 1);
  });

  it('returns the same application for a retried submission with the same Idempotency-Key', async () => {
    const key = `retry-${Date.now()}`;
    const first = await request(stack.http).post('/api/applications').set(auth()).set('Idempotency-Key', key).send(submission).expect(201);
    const again = await request(stack.http).post('/api/applications').set(auth()).set('Idempotency-Key', key).send(submission).expect(201);
    expect(again.body).toEqual(first.body);
    const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM applications WHERE id = $1', [first.body.id]);
    expect(n).toBe(1);
  });

  it('leaves online submissions waiting for receipt confirmation when no receipt day is given', async () => {
    const res = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({ ...submission, channel: 'online', receivedOn: undefined })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'awaiting_confirmation', receivedOn: null, dueOn: null, regime: null });
  });

  it('applies the 2008 regime to an application received before 2019-05-15', async () => {
    const res = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({ ...submission, receivedOn: '2019-05-14' })
      .expect(201);
    expect(res.body.regime).toBe('2008');
  });

  it('rejects malformed input with 400 naming the field, and creates nothing', async () => {
    const before = await stack.dataSource.query('SELECT count(*)::int AS n FROM applications');
    const bad = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({
        channel: 'pigeon',
        receivedOn: '2024-02-30',
        applicant: { type: 'legal_person', name: '', contact: { email: 'nope' } },
        request: { description: 'x' },
        extra: 1,
      })
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^channel: must be one of in_person, post, mail, online, fax/),
        expect.stringMatching(/^receivedOn: must be a date YYYY-MM-DD that is not in the future/),
        'applicant.category: is required for a legal person',
        expect.stringMatching(/^applicant\.name: /),
        'applicant.contact.email: must be an email address',
        'extra: is not an allowed field',
      ]),
    );
    const natural = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({ ...submission, applicant: { ...submission.applicant, category: 'business' } })
      .expect(400);
    expect(natural.body.message).toContain('applicant.category: is not allowed for a natural person');
    // The check characters of GB 11643 and GB 32100, whichever client sent the number; other documents pass.
    const badId = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({ ...submission, applicant: { ...submission.applicant, idNumber: '371302199001011234' } })
      .expect(400);
    expect(badId.body.message).toEqual(['applicant.idNumber: the check digit (last character) does not match the first 17 digits']);
    const badCode = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({
        ...submission,
        applicant: {
          type: 'legal_person',
          category: 'business',
          name: '某公司',
          idNumber: '91371300MA3C000000',
          contact: submission.applicant.contact,
        },
      })
      .expect(400);
    expect(badCode.body.message).toEqual(['applicant.idNumber: the check character (last character) does not match the first 17']);
    // 不拒办: the receipt letter names the applicant and the request, so blanks are refused before a case exists.
    const blank = await request(stack.http)
      .post('/api/applications')
      .set(auth())
      .send({ ...submission, applicant: { ...submission.applicant, name: ' \u3000 ' }, request: { description: '。' } })
      .expect(400);
    expect(blank.body.message).toEqual([
      'applicant.name: must not be blank: the registration receipt and every reply are addressed to the applicant by name',
      'request.description: must not be blank: the registration receipt and every reply name what was asked',
    ]);
    const after = await stack.dataSource.query('SELECT count(*)::int AS n FROM applications');
    expect(after).toEqual(before);
  });

  it('requires a Bearer token on /api routes, and the clerk role to submit', async () => {
    await request(stack.http).post('/api/applications').send(submission).expect(401);
    await request(stack.http)
      .get('/api/applications/00000000-0000-0000-0000-000000000000')
      .set('Authorization', 'Bearer nonsense')
      .expect(401);
    const auditor = await request(stack.http)
      .post('/api/auth/login')
      .send({ username: 'auditor', password: DEFAULT_DEMO_PASSWORD })
      .expect(200);
    const res = await request(stack.http)
      .post('/api/applications')
      .set('Authorization', `Bearer ${auditor.body.accessToken}`)
      .send(submission)
      .expect(403);
    expect(res.body.message).toMatch(/role auditor may not/);
    await request(stack.http).post('/api/auth/login').send({ username: 'clerk', password: 'wrong-password' }).expect(401);
  });

  it('answers 404 for an unknown application and 400 for a malformed id', async () => {
    await request(stack.http).get('/api/applications/00000000-0000-4000-8000-000000000000').set(auth()).expect(404);
    const res = await request(stack.http).get('/api/applications/not-a-uuid').set(auth()).expect(400);
    expect(res.body.message).toBe('id: must be a UUID');
  });

  it('reports health 200 and serves the OpenAPI document', async () => {
    const health = await request(stack.http).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
    const doc = await request(stack.http).get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/applications', '/api/applications/{id}', '/api/auth/login', '/health']),
    );
  });
});
