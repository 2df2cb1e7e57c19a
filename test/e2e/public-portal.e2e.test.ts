import { createHash } from 'node:crypto';
import request from 'supertest';
import { QUERY_CODE_ALPHABET, solveChallenge } from '../../apps/api/public/public-secrets';
import { shanghaiDate } from '../../libs/time/shanghai';
import { loginAll, type AuthHeaders } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

// The applicant's side (issue 19): apply online without login, the clerk confirms receipt,
// the applicant tracks it by query code and phone; abuse limits; nothing reaches another applicant.
const application = (phone: string, name = '李四') => ({
  applicant: { type: 'natural_person', name, contact: { phone, email: 'lisi@example.com' } },
  request: { description: '申请公开2025年某街道老旧小区改造项目的招标文件', form: '电子', delivery: '电子邮件' },
});

const NOT_FOUND = {
  statusCode: 404,
  error: 'Not Found',
  code: 'NOT_FOUND',
  message: 'no application matches this query code and phone number',
};

async function applicationIdOf(stack: Stack, code: string): Promise<string> {
  const [r] = await stack.dataSource.query('SELECT application_id FROM public_submissions WHERE code_hash = $1', [
    createHash('sha256').update(code).digest(),
  ]);
  return r.application_id;
}

describe('public portal: apply online, confirm, track (challenge off)', () => {
  let stack: Stack;
  let auth: AuthHeaders;
  let codeA = '';
  let codeB = '';

  beforeAll(async () => {
    stack = await startStack({ outboxDelivery: true });
    auth = await loginAll(stack, ['clerk', 'admin']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('takes an online application without login: 202 with a random query code, waiting for confirmation', async () => {
    const res = await request(stack.http).post('/api/public/applications').send(application('138 0013 8000')).expect(202);
    expect(res.body).toEqual({
      queryCode: expect.stringMatching(new RegExp(`^[${QUERY_CODE_ALPHABET}]{16}$`)),
      status: 'awaiting_confirmation',
      submittedAt: expect.any(String),
    });
    codeA = res.body.queryCode;
    const id = await applicationIdOf(stack, codeA);
    // Registered as an online application awaiting confirmation (Art. 31(3)), in the clerk's list.
    const view = await request(stack.http).get(`/api/applications/${id}`).set(auth('clerk')).expect(200);
    expect(view.body).toMatchObject({
      channel: 'online',
      status: 'awaiting_confirmation',
      receivedOn: null,
      dueOn: null,
      createdBy: 'online',
    });
    expect(codeA).not.toContain(view.body.registrationNumber.replace(/\D/g, '').slice(-5));
    // Only the code's hash is stored.
    const stored = JSON.stringify(await stack.dataSource.query('SELECT * FROM public_submissions'));
    expect(stored).not.toContain(codeA);
    expect(stored).not.toContain('13800138000');
  });

  it('tracks with code and phone: status in Chinese, masked phone, no number before confirmation', async () => {
    const res = await request(stack.http).get(`/api/public/applications/${codeA}`).query({ phone: '+86 13800138000' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'awaiting_confirmation',
      statusText: '已提交，待确认收到',
      phone: '138****8000',
      registrationNumber: null,
      receivedOn: null,
      dueOn: null,
      letters: [],
    });
    expect(JSON.stringify(res.body)).not.toContain('13800138000');
    // Lower case and dashes are the same code.
    const typed = `${codeA.slice(0, 4).toLowerCase()}-${codeA.slice(4)}`;
    await request(stack.http).get(`/api/public/applications/${typed}`).query({ phone: '13800138000' }).expect(200);
  });

  it('answers a wrong phone and a wrong code with the same 404 body', async () => {
    const wrongPhone = await request(stack.http).get(`/api/public/applications/${codeA}`).query({ phone: '13900139000' }).expect(404);
    const wrongCode = await request(stack.http)
      .get('/api/public/applications/ABCDEFGHJKMNPQRS')
      .query({ phone: '13800138000' })
      .expect(404);
    const noPhone = await request(stack.http).get(`/api/public/applications/${codeA}`).expect(404);
    expect(wrongPhone.body).toEqual(NOT_FOUND);
    expect(wrongCode.body).toEqual(NOT_FOUND);
    expect(noPhone.body).toEqual(NOT_FOUND);
  });

  it('takes about the same time for a wrong phone as for a wrong code', async () => {
    const time = async (code: string, phone: string) => {
      const t = process.hrtime.bigint();
      await request(stack.http).get(`/api/public/applications/${code}`).query({ phone }).expect(404);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 15; i++) {
      a.push(await time(codeA, '13900139000'));
      b.push(await time('ZZZZZZZZZZZZZZZZ', '13800138000'));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    // Same statements either way; a loose bound so a busy machine does not fail it.
    expect(Math.abs(median(a) - median(b))).toBeLessThan(Math.max(5, 0.5 * Math.max(median(a), median(b))));
  });

  it('lets administrators edit the message templates, refusing one that breaks a rule', async () => {
    const list = (await request(stack.http).get('/api/admin/message-templates').set(auth('admin')).expect(200)).body;
    expect(list).toContainEqual(
      expect.objectContaining({ kind: 'receipt-confirmed', channel: 'sms', version: 0, source: 'bundled', audience: 'applicant' }),
    );
    const bad = await request(stack.http)
      .put('/api/admin/message-templates/receipt-confirmed/sms')
      .set(auth('admin'))
      .send({ body: '{{payBy}}' })
      .expect(400);
    expect(bad.body.message[0]).toMatch(/^body: unknown placeholder \{\{payBy\}\}/);
    await request(stack.http).put('/api/admin/message-templates/no-such/sms').set(auth('admin')).send({ body: 'x' }).expect(400);
    await request(stack.http).put('/api/admin/message-templates/receipt-confirmed/sms').set(auth('clerk')).send({ body: 'x' }).expect(403);
    const saved = await request(stack.http)
      .put('/api/admin/message-templates/receipt-confirmed/sms')
      .set(auth('admin'))
      .send({ body: '【{{officeName}}】{{applicantName}}，您的申请已确认收到，编号{{registrationNumber}}，请于{{dueOn}}前留意答复。' })
      .expect(200);
    expect(saved.body).toMatchObject({ version: 1, source: 'stored' });
  });

  it('after the clerk confirms receipt shows number, receipt day, due day and the receipt letter', async () => {
    const id = await applicationIdOf(stack, codeA);
    const today = shanghaiDate(Date.now());
    await request(stack.http)
      .post(`/api/applications/${id}/actions/confirm-receipt`)
      .set(auth('clerk'))
      .send({ receivedOn: today })
      .expect(200);
    const res = await request(stack.http).get(`/api/public/applications/${codeA}`).query({ phone: '13800138000' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'registered',
      statusText: '已受理登记',
      registrationNumber: expect.stringMatching(/^LYZF-\d{4}-\d{5}$/),
      receivedOn: today,
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      extended: false,
      pausedFor: null,
      deadlineText: expect.stringMatching(/^答复期限为\d{4}年\d{1,2}月\d{1,2}日。$/),
    });
    expect(res.body.letters).toEqual([
      {
        number: expect.any(String),
        title: expect.any(String),
        kind: 'receipt',
        issuedAt: expect.any(String),
        downloads: {
          html: expect.stringMatching(/^\/api\/public\/letters\/[\w-]+\.[\w-]+\/html$/),
          docx: expect.stringMatching(/\/docx$/),
          pdf: expect.stringMatching(/\/pdf$/),
        },
      },
    ]);
    const html = await request(stack.http).get(res.body.letters[0].downloads.html).expect(200);
    expect(html.text).toContain(res.body.registrationNumber);
    const docx = await request(stack.http).get(res.body.letters[0].downloads.docx).expect(200);
    expect(docx.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('keeps the messages held in the outbox when no SMTP or SMS is configured, listed for administrators', async () => {
    const id = await applicationIdOf(stack, codeA);
    let items: { status: string; channel: string; templateKind: string; recipient: string; body: string }[] = [];
    for (let i = 0; i < 50 && items.length < 2; i++) {
      items = (
        await request(stack.http).get('/api/admin/outbox').query({ status: 'held', applicationId: id }).set(auth('admin')).expect(200)
      ).body.items;
      if (items.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    expect(items.map((m) => [m.channel, m.templateKind, m.recipient]).sort()).toEqual([
      ['email', 'receipt-confirmed', 'lisi@example.com'],
      ['sms', 'receipt-confirmed', '13800138000'],
    ]);
    expect(items.find((m) => m.channel === 'sms')!.body).toMatch(
      /^【临沂市人民政府办公室】李四，您的申请已确认收到，编号LYZF-\d{4}-\d{5}，请于\d{4}-\d{2}-\d{2}前留意答复。$/,
    );
    expect(items.find((m) => m.channel === 'email')!.body).toContain('确认收到');
    await request(stack.http).get('/api/admin/outbox').set(auth('clerk')).expect(403);
    await request(stack.http).get('/api/admin/outbox').query({ status: 'lost' }).set(auth('admin')).expect(400);
  });

  it("lets nothing a public caller sends reach another applicant's data", async () => {
    const b = await request(stack.http).post('/api/public/applications').send(application('13700137000', '王五')).expect(202);
    codeB = b.body.queryCode;
    // Each code with the other's phone: the same 404.
    expect((await request(stack.http).get(`/api/public/applications/${codeA}`).query({ phone: '13700137000' }).expect(404)).body).toEqual(
      NOT_FOUND,
    );
    expect((await request(stack.http).get(`/api/public/applications/${codeB}`).query({ phone: '13800138000' }).expect(404)).body).toEqual(
      NOT_FOUND,
    );
    // B sees its own application only.
    const mine = await request(stack.http).get(`/api/public/applications/${codeB}`).query({ phone: '13700137000' }).expect(200);
    expect(mine.body).toMatchObject({ status: 'awaiting_confirmation', phone: '137****7000', letters: [] });
    expect(JSON.stringify(mine.body)).not.toContain('李四');
    // A letter link only opens the letter it was made for; an altered, foreign or made-up link is the same 404.
    const a = await request(stack.http).get(`/api/public/applications/${codeA}`).query({ phone: '13800138000' }).expect(200);
    const link: string = a.body.letters[0].downloads.html;
    const [, , , , token] = link.split('/');
    const [body, mac] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, a: await applicationIdOf(stack, codeB) })).toString('base64url');
    expect((await request(stack.http).get(`/api/public/letters/${forged}.${mac}/html`).expect(404)).body).toEqual(NOT_FOUND);
    expect((await request(stack.http).get(`/api/public/letters/${body}.AAAA/html`).expect(404)).body).toEqual(NOT_FOUND);
    await request(stack.http).get(`/api/public/letters/${token}/exe`).expect(400);
    // Fields a caller might add to steer the case are refused, not ignored.
    const steer = await request(stack.http)
      .post('/api/public/applications')
      .send({ ...application('13600136000'), receivedOn: '2026-01-05', applicationId: await applicationIdOf(stack, codeA) })
      .expect(400);
    expect(steer.body.message).toEqual(
      expect.arrayContaining(['receivedOn: is not an allowed field', 'applicationId: is not an allowed field']),
    );
    await request(stack.http)
      .post('/api/public/applications')
      .send({ ...application('13600136000'), channel: 'in_person' })
      .expect(400);
    // Staff routes still need a login.
    await request(stack.http).get('/api/applications').expect(401);
  });

  it('names the rule when the phone is missing and refuses an oversized body', async () => {
    const noPhone = await request(stack.http)
      .post('/api/public/applications')
      .send({ ...application('1'), applicant: { type: 'natural_person', name: '赵六', contact: { email: 'z@example.com' } } })
      .expect(400);
    expect(noPhone.body.message).toEqual(['applicant.contact.phone: is required (it is asked for again to track the application)']);
    const big = await request(stack.http)
      .post('/api/public/applications')
      .send({ ...application('13500135000'), request: { description: '很'.repeat(20_000) } })
      .expect(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('public portal: abuse limits', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_CHALLENGE: 'on', PUBLIC_CHALLENGE_BITS: '8', PUBLIC_SUBMISSIONS_PER_PHONE: '100' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const solved = async () => {
    const c = (await request(stack.http).get('/api/public/challenge').expect(200)).body;
    expect(c).toMatchObject({ algorithm: 'sha256-leading-zero-bits', bits: 8, required: true });
    return { 'X-Challenge': c.token, 'X-Challenge-Solution': solveChallenge(c.token, c.bits) };
  };

  it('requires a solved challenge, once', async () => {
    const none = await request(stack.http).post('/api/public/applications').send(application('13800000001')).expect(400);
    expect(none.body.code).toBe('CHALLENGE_REQUIRED');
    const c = (await request(stack.http).get('/api/public/challenge').expect(200)).body;
    // a nonce that does not solve it (most do not)
    let wrong = 0;
    while (
      createHash('sha256')
        .update(`${c.token}:${wrong.toString(36)}`)
        .digest()[0] === 0
    )
      wrong++;
    const bad = await request(stack.http)
      .post('/api/public/applications')
      .set({ 'X-Challenge': c.token, 'X-Challenge-Solution': wrong.toString(36) })
      .send(application('13800000001'))
      .expect(400);
    expect(bad.body.code).toBe('CHALLENGE_INVALID');
    const headers = await solved();
    await request(stack.http).post('/api/public/applications').set(headers).send(application('13800000001')).expect(202);
    const again = await request(stack.http).post('/api/public/applications').set(headers).send(application('13800000001')).expect(400);
    expect(again.body.code).toBe('CHALLENGE_USED');
  });

  it('gives the 21st submission from one address within the window 429 with Retry-After', async () => {
    // The first test made 4 submissions from this address (every attempt counts).
    for (let i = 5; i <= 20; i++) {
      await request(stack.http)
        .post('/api/public/applications')
        .set(await solved())
        .send(application(`1380000${String(i).padStart(4, '0')}`))
        .expect(202);
    }
    const res = await request(stack.http)
      .post('/api/public/applications')
      .set(await solved())
      .send(application('13800009999'))
      .expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // Tracking is limited separately and still answers.
    await request(stack.http).get('/api/public/applications/ABCDEFGHJKMNPQRS').query({ phone: '1' }).expect(404);
  });
});

describe('public portal: per-phone limit, and addresses behind a trusted proxy', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_SUBMISSIONS_PER_PHONE: '2', PUBLIC_SUBMISSIONS_PER_ADDRESS: '5', TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('limits submissions per phone however the phone is written', async () => {
    await request(stack.http).post('/api/public/applications').send(application('13800000002')).expect(202);
    await request(stack.http).post('/api/public/applications').send(application('+86 138-0000-0002')).expect(202);
    const res = await request(stack.http).post('/api/public/applications').send(application('138 0000 0002')).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
    await request(stack.http).post('/api/public/applications').send(application('13800000003')).expect(202);
  });

  it('counts each applicant behind the trusted proxy by their own address', async () => {
    const from = (address: string, phone: string) =>
      request(stack.http).post('/api/public/applications').set('X-Forwarded-For', address).send(application(phone));
    for (let i = 0; i < 5; i++) await from('203.0.113.7', `1391111000${i}`).expect(202);
    expect((await from('203.0.113.7', '13911110009').expect(429)).body.code).toBe('RATE_LIMITED');
    await from('203.0.113.8', '13911110009').expect(202);
  });
});

describe('public portal: a retried submission (Idempotency-Key)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_CHALLENGE: 'on', PUBLIC_CHALLENGE_BITS: '8' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const submit = async (key: string, body: object, expected: number) => {
    const c = (await request(stack.http).get('/api/public/challenge').expect(200)).body;
    return request(stack.http)
      .post('/api/public/applications')
      .set({ 'X-Challenge': c.token, 'X-Challenge-Solution': solveChallenge(c.token, c.bits), 'Idempotency-Key': key })
      .send(body)
      .expect(expected);
  };
  const cases = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE channel = 'online'`))[0].n;

  it('gives the same application and query code to a retry with the same key and body, once', async () => {
    const first = await submit('apply-form-0001', application('13800000011', '王五'), 202);
    // The retry after a lost answer: same key, same body (fields in another order), the challenge already spent.
    const spent = { 'X-Challenge': 'x', 'X-Challenge-Solution': 'y', 'Idempotency-Key': 'apply-form-0001' };
    const body = application('13800000011', '王五');
    const reordered = { request: body.request, applicant: body.applicant };
    const retry = await request(stack.http).post('/api/public/applications').set(spent).send(reordered).expect(202);
    expect(retry.body).toEqual(first.body);
    expect(await cases()).toBe(1);
    const id = await applicationIdOf(stack, first.body.queryCode);
    const [row] = await stack.dataSource.query('SELECT registration_number FROM applications WHERE id = $1', [id]);
    expect(row.registration_number).toMatch(/^LYZF-\d{4}-\d{5}$/);

    // Another body under the same key is another application (with its own challenge).
    const other = await submit('apply-form-0001', application('13800000011', '赵六'), 202);
    expect(other.body.queryCode).not.toBe(first.body.queryCode);
    expect(await cases()).toBe(2);
    // A key of the wrong shape is refused before anything is recorded.
    const bad = await request(stack.http).post('/api/public/applications').set({ 'Idempotency-Key': 'short' }).send(body).expect(400);
    expect(bad.body.message).toEqual(['Idempotency-Key: must be 8-128 printable ASCII characters']);
  });
});
