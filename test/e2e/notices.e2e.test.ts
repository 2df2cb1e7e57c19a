import { createHash } from 'node:crypto';
import request from 'supertest';
import { createNoticeActivities } from '../../activities/notice.activities';
import { docxText, getTemplate } from '../../libs/documents';
import { shanghaiDate } from '../../libs/time/shanghai';
import { type AuthHeaders, loginAll } from '../support/http-session';
import { startStack, type Stack } from '../support/stack';

/** supertest: collect a binary body as a Buffer. */
const binary = (res: unknown, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Notice {
  id: string;
  kind: string;
  letterKind: string;
  number: string;
  issuedAt: string;
  contentHash: string;
  templateVersion: number;
}

describe('notices: issued by the workflow, stored, served; templates administered', () => {
  let stack: Stack;
  let as: AuthHeaders;

  beforeAll(async () => {
    stack = await startStack();
    as = await loginAll(stack, ['clerk', 'reviewer', 'supervisor', 'admin']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const act = (id: string, name: string, username: string, body: object) =>
    request(stack.http).post(`/api/applications/${id}/actions/${name}`).set(as(username)).send(body).expect(200);
  const open = async (name: string) => {
    const res = await request(stack.http)
      .post('/api/applications')
      .set(as('clerk'))
      .send({
        channel: 'in_person',
        receivedOn: shanghaiDate(Date.now()),
        applicant: { type: 'natural_person', name, contact: { phone: '13800000000' } },
        request: { description: '申请公开某路段拆迁补偿安置方案的批复及其附件' },
      })
      .expect(201);
    return res.body as { id: string; registrationNumber: string };
  };
  const notices = async (id: string, username = 'clerk'): Promise<Notice[]> =>
    (await request(stack.http).get(`/api/applications/${id}/notices`).set(as(username)).expect(200)).body;
  /** The receipt is issued right after registration, after the registration answer. */
  const eventually = async (id: string, ok: (n: Notice[]) => boolean): Promise<Notice[]> => {
    for (let i = 0; i < 100; i++) {
      const n = await notices(id);
      if (ok(n)) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`notices of ${id} never satisfied the condition: ${JSON.stringify(await notices(id))}`);
  };
  const docx = async (noticeId: string) =>
    (await request(stack.http).get(`/api/notices/${noticeId}.docx`).set(as('clerk')).buffer(true).parse(binary).expect(200)) as {
      body: Buffer;
      headers: Record<string, string>;
    };

  it('issues the receipt and the reply notice once each, with number, applicant, citations and hash', async () => {
    const { id, registrationNumber } = await open('王五');
    const [receipt] = await eventually(id, (n) => n.length === 1);
    expect(receipt).toMatchObject({ kind: 'receipt', letterKind: 'registration-receipt', templateVersion: 1 });
    expect(receipt.number).toMatch(/^临政公开〔\d{4}〕第\d+号$/);
    // Two first downloads at once: one DOCX is packed and kept, both callers get it.
    const [a, b] = await Promise.all([docx(receipt.id), docx(receipt.id)]);
    expect(Buffer.compare(a.body, b.body)).toBe(0);
    expect(docxText(a.body)).toContain(registrationNumber);

    await act(id, 'triage', 'clerk', { outcome: 'accept' });
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act(id, 'record-search', 'clerk', { summary: 'found in the archive' });
    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'partial',
      reasons: '已公开的批复正文载明了补偿标准和安置方式',
      parts: [
        { description: '批复正文', disposition: 'disclose' },
        {
          description: '批复附件中被征收人的身份证号码',
          disposition: 'withhold',
          ground: 'third-party-rights',
          explanation: '涉及个人隐私，权利人不同意公开',
        },
      ],
      provision: { form: '纸质复印件', method: '邮寄' },
    });
    await act(id, 'approve-decision', 'reviewer', { approve: true });
    await act(id, 'review-confidentiality', 'reviewer', { approve: true });
    await act(id, 'issue-notice', 'clerk', {});

    const list = await notices(id);
    expect(list.map((n) => [n.kind, n.letterKind])).toEqual([
      ['receipt', 'registration-receipt'],
      ['reply', 'reply-partial'],
    ]);
    const reply = list[1];
    expect(reply.number).not.toBe(receipt.number);
    expect(reply).toMatchObject({ templateVersion: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const file = await docx(reply.id);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.body.subarray(0, 2).toString('latin1')).toBe('PK');
    // Packed on the first download and kept: a second download returns the very same bytes.
    const [{ docx_hash: docxHash }] = await stack.dataSource.query('SELECT docx_hash FROM notices WHERE id = $1', [reply.id]);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(docxHash);
    expect(Buffer.compare((await docx(reply.id)).body, file.body)).toBe(0);
    const text = docxText(file.body);
    expect(text).toContain(registrationNumber);
    expect(text).toContain('王五');
    expect(text).toContain(reply.number);
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十七条');
    expect(text).toContain('第十五条'); // the privacy / third-party ground of the withheld part
    expect(text).toContain('批复附件中被征收人的身份证号码');

    const html = await request(stack.http).get(`/api/notices/${reply.id}.html`).set(as('clerk')).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('王五');
    // The letter as issued is its HTML: the content hash proves it unchanged.
    expect(createHash('sha256').update(html.text, 'utf8').digest('hex')).toBe(reply.contentHash);
    expect(html.headers['x-content-sha256']).toBe(reply.contentHash);

    // Another role of the office may read; bad extensions and unknown notices are refused.
    expect((await notices(id, 'reviewer')).length).toBe(2);
    await request(stack.http).get(`/api/notices/${reply.id}.exe`).set(as('clerk')).expect(400);
    await request(stack.http).get(`/api/notices/${reply.id}`).set(as('clerk')).expect(400);
    await request(stack.http).get('/api/notices/00000000-0000-4000-8000-000000000000.docx').set(as('clerk')).expect(404);
    await request(stack.http).get(`/api/notices/${reply.id}.docx`).expect(401);

    // Issuing again (the same step, a retried activity) returns the same notice and stores nothing new.
    await request(stack.http).post(`/api/applications/${id}/actions/issue-notice`).set(as('clerk')).send({}).expect(409);
    const { issueNotice } = createNoticeActivities({ ds: stack.dataSource });
    const again = await issueNotice({
      applicationId: id,
      kind: 'reply',
      letterKind: 'reply-partial',
      issueKey: 'reply',
      issuedOn: shanghaiDate(Date.now()),
      issuedBy: 'clerk',
      fields: {},
    });
    expect(again).toEqual({ id: reply.id, kind: 'reply', number: reply.number, contentHash: reply.contentHash });
    const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM notices WHERE application_id = $1', [id]);
    expect(count).toBe(2);

    await act(id, 'record-delivery', 'clerk', { method: 'post', on: shanghaiDate(Date.now()) });
    expect((await notices(id)).length).toBe(2);
  });

  it('issues the consultation letter and replies with the office contact block and court; a repeated reply names the earlier reply', async () => {
    const first = await open('李四');
    await eventually(first.id, (n) => n.length === 1);
    const today = shanghaiDate(Date.now());
    await act(first.id, 'triage', 'clerk', { outcome: 'accept' });
    await act(first.id, 'assign', 'supervisor', { assignee: 'clerk' });
    await act(first.id, 'start-consultation', 'clerk', { kind: 'third-party', party: '临沂某置业有限公司', sentOn: today });
    let list = await eventually(first.id, (n) => n.length === 2);
    expect(list[1]).toMatchObject({ kind: 'consultation', letterKind: 'third-party-consultation', templateVersion: 2 });
    const letter = docxText((await docx(list[1].id)).body);
    expect(letter).toContain('临沂某置业有限公司：');
    expect(letter).toContain(first.registrationNumber);
    expect(letter).not.toContain('李四'); // the third party learns the request, never the applicant
    // The demo office's contact block (libs/persistence/seed.ts seedDemo).
    expect(letter).toContain(
      '联系人：临沂市人民政府办公室政务公开科；联系电话：0539-0000000；通信地址：山东省临沂市兰山区北京路1号（邮政编码：276000）',
    );

    await act(first.id, 'receive-consultation-reply', 'clerk', { receivedOn: today, position: 'objection', reasons: '商业秘密' });
    await act(first.id, 'draft-decision', 'clerk', { replyKind: 'not-exist', reasons: '检索了本机关收文、发文登记系统和档案室' });
    await act(first.id, 'approve-decision', 'reviewer', { approve: true });
    await act(first.id, 'issue-notice', 'clerk', {});
    list = await notices(first.id);
    const firstReply = list.find((n) => n.kind === 'reply')!;
    const replyText = docxText((await docx(firstReply.id)).body);
    expect(replyText).toContain('应当自收到本告知书之日起六十日内先向');
    expect(replyText).toContain('向临沂市兰山区人民法院提起行政诉讼');

    const second = await open('李四');
    await eventually(second.id, (n) => n.length === 1);
    await act(second.id, 'triage', 'clerk', { outcome: 'repeated' });
    await act(second.id, 'assign', 'supervisor', { assignee: 'clerk' });
    await act(second.id, 'draft-decision', 'clerk', {
      replyKind: 'repeated',
      reasons: '本次申请的信息与此前申请相同',
      previous: { applicationNumber: first.registrationNumber, repliedOn: today },
    });
    await act(second.id, 'approve-decision', 'reviewer', { approve: true });
    await act(second.id, 'issue-notice', 'clerk', {});
    const repeated = (await notices(second.id)).find((n) => n.kind === 'reply')!;
    expect(repeated).toMatchObject({ letterKind: 'reply-repeated', templateVersion: 2 });
    expect(docxText((await docx(repeated.id)).body)).toContain(`（申请编号：${first.registrationNumber}）作出答复（${firstReply.number}）`);
  });

  // Needs Debian's chromium and fonts-noto-cjk, which .ci/run installs.
  it('prints the PDF from the stored HTML once, keeps it, and serves the kept one named after the notice number', async () => {
    const { id } = await open('赵六');
    const [receipt] = await eventually(id, (n) => n.length === 1);
    const pdf = () =>
      request(stack.http).get(`/api/notices/${receipt.id}.pdf`).set(as('clerk')).buffer(true).parse(binary).expect(200) as Promise<{
        body: Buffer;
        headers: Record<string, string>;
      }>;
    // Two first downloads race: both get the one PDF that was kept.
    const [a, b] = await Promise.all([pdf(), pdf()]);
    expect(a.headers['content-type']).toBe('application/pdf');
    expect(a.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(a.body, b.body)).toBe(0);
    const [kept] = await stack.dataSource.query('SELECT pdf, pdf_hash FROM notices WHERE id = $1', [receipt.id]);
    expect(Buffer.compare(kept.pdf, a.body)).toBe(0);
    expect(kept.pdf_hash).toBe(createHash('sha256').update(a.body).digest('hex'));
    expect(a.headers['x-content-sha256']).toBe(receipt.contentHash);

    // Later downloads read the kept PDF: with no browser to print with, they still succeed, byte for byte.
    const browser = process.env.DISCLOSURE_CHROMIUM;
    process.env.DISCLOSURE_CHROMIUM = '/nonexistent/chromium';
    try {
      expect(Buffer.compare((await pdf()).body, a.body)).toBe(0);
      const [other] = await eventually((await open('赵六')).id, (n) => n.length === 1);
      await request(stack.http).get(`/api/notices/${other.id}.pdf`).set(as('clerk')).expect(503);
    } finally {
      if (browser === undefined) delete process.env.DISCLOSURE_CHROMIUM;
      else process.env.DISCLOSURE_CHROMIUM = browser;
    }

    // RFC 6266: the notice number (Chinese, 〔〕) in filename*, an ASCII stand-in in filename.
    const disposition = a.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(`${receipt.number}.pdf`);
    expect(receipt.number).toMatch(/〔\d{4}〕/);
    const word = (await docx(receipt.id)).headers['content-disposition'];
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(word)![1])).toBe(`${receipt.number}.docx`);
  }, 90_000);

  it('issues the withdrawal confirmation', async () => {
    const { id } = await open('钱七');
    await eventually(id, (n) => n.length === 1);
    await act(id, 'withdraw', 'clerk', { on: shanghaiDate(Date.now()), reason: '不再需要' });
    const list = await eventually(id, (n) => n.length === 2);
    expect(list.map((n) => n.kind)).toEqual(['receipt', 'withdrawal']);
    expect(docxText((await docx(list[1].id)).body)).toContain('钱七');
  });

  it('lets only an administrator edit templates; a new version is used by the next notice', async () => {
    await request(stack.http).get('/api/admin/templates').set(as('clerk')).expect(403);
    await request(stack.http).put('/api/admin/templates/registration-receipt/2019').set(as('clerk')).send({}).expect(403);
    const all = await request(stack.http).get('/api/admin/templates').set(as('admin')).expect(200);
    expect(all.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'registration-receipt', regime: '2019', version: 1, source: 'bundled' })]),
    );

    const bundled = getTemplate('registration-receipt', '2019');
    const { id: _id, kind: _kind, regime: _regime, version: _version, ...body } = bundled;
    const bad = await request(stack.http)
      .put('/api/admin/templates/registration-receipt/2019')
      .set(as('admin'))
      .send({ ...body, paragraphs: [...body.paragraphs, { text: '请携带{{identityDocument}}前来' }] })
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('identityDocument');
    const shape = await request(stack.http)
      .put('/api/admin/templates/registration-receipt/2019')
      .set(as('admin'))
      .send({ ...body, title: '' })
      .expect(400);
    expect(shape.body.message).toContain('title: must be a non-empty string');
    await request(stack.http).put('/api/admin/templates/no-such-letter/2019').set(as('admin')).send(body).expect(404);

    const title = '政府信息公开申请登记回执（第二版）';
    const saved = await request(stack.http)
      .put('/api/admin/templates/registration-receipt/2019')
      .set(as('admin'))
      .send({ ...body, title })
      .expect(200);
    expect(saved.body).toMatchObject({ id: 'registration-receipt.2019', version: 2, title });

    const preview = await request(stack.http)
      .post('/api/admin/templates/registration-receipt/2019/preview')
      .set(as('admin'))
      .send({})
      .expect(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect(preview.text).toContain(title);

    const { id } = await open('孙八');
    const [receipt] = await eventually(id, (n) => n.length === 1);
    expect(receipt.templateVersion).toBe(2);
    expect(docxText((await docx(receipt.id)).body)).toContain(title);
  });

  it('lists the versions of a template with who saved each and what changed, and returns an old version', async () => {
    // After the previous test: version 2 of registration-receipt/2019 changed the title.
    await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions').set(as('clerk')).expect(403);
    const list = await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions').set(as('admin')).expect(200);
    const [{ display_name: adminName }] = await stack.dataSource.query(`SELECT display_name FROM users WHERE username = 'admin'`);
    expect(list.body).toEqual({
      kind: 'registration-receipt',
      regime: '2019',
      items: [
        {
          version: 2,
          source: 'stored',
          title: '政府信息公开申请登记回执（第二版）',
          createdBy: 'admin',
          createdByName: adminName,
          createdAt: expect.any(String),
          changed: ['title'],
          inForce: true,
        },
        {
          version: 1,
          source: 'bundled',
          title: getTemplate('registration-receipt', '2019').title,
          createdBy: null,
          createdByName: null,
          createdAt: null,
          changed: [],
          inForce: false,
        },
      ],
    });
    const old = await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions/1').set(as('admin')).expect(200);
    expect(old.body).toMatchObject({ version: 1, source: 'bundled', inForce: false });
    expect(old.body.template).toEqual(JSON.parse(JSON.stringify(getTemplate('registration-receipt', '2019'))));
    const current = await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions/2').set(as('admin')).expect(200);
    expect(current.body.template).toMatchObject({ version: 2, title: '政府信息公开申请登记回执（第二版）' });
    const missing = await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions/9').set(as('admin')).expect(404);
    expect(missing.body.message).toBe('version: registration-receipt/2019 has no version 9');
    const bad = await request(stack.http).get('/api/admin/templates/registration-receipt/2019/versions/first').set(as('admin')).expect(400);
    expect(bad.body.message).toBe('version: must be a positive integer');
    await request(stack.http).get('/api/admin/templates/no-such-letter/2019/versions').set(as('admin')).expect(404);
  });

  it('a reply whose stored template an administrator broke is not issued: the case stays unanswered until a supervisor re-issues it', async () => {
    const { id } = await open('周九');
    await eventually(id, (n) => n.length === 1);
    await act(id, 'triage', 'clerk', { outcome: 'accept' });
    await act(id, 'assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act(id, 'draft-decision', 'clerk', {
      replyKind: 'refuse',
      reasons: '该请示尚在研究之中',
      parts: [{ description: '关于拆迁补偿的请示', disposition: 'withhold', ground: 'process-information' }],
    });
    await act(id, 'approve-decision', 'reviewer', { approve: true });

    const { id: _id, kind: _kind, regime: _regime, version: _version, ...bundled } = getTemplate('reply-refuse', '2019');
    const put = (body: object) => request(stack.http).put('/api/admin/templates/reply-refuse/2019').set(as('admin')).send(body).expect(200);
    // A valid template, but with a required field no case provides: every refusal letter now fails.
    await put({
      ...bundled,
      fields: [...bundled.fields, { name: 'signature', label: '签发人', type: 'text', required: true }],
      paragraphs: [...bundled.paragraphs, { text: '签发人：{{signature}}' }],
    });
    try {
      const failed = (await act(id, 'issue-notice', 'clerk', {})).body;
      expect(failed).toMatchObject({ status: 'approval', notice: null, failedLetters: [{ kind: 'reply', letterKind: 'reply-refuse' }] });
      expect(failed.failedLetters[0].error).toMatch(/"signature" \(签发人\) is required/);
      const [row] = await stack.dataSource.query('SELECT status, answered_on, letter_failed FROM applications WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'approval', answered_on: null, letter_failed: true });
      const steps = await request(stack.http).get(`/api/applications/${id}/actions`).set(as('supervisor')).expect(200);
      expect(steps.body).toContainEqual({ action: 'reissue-notice' });
      const clerkAgain = await request(stack.http)
        .post(`/api/applications/${id}/actions/issue-notice`)
        .set(as('clerk'))
        .send({})
        .expect(409);
      expect(clerkAgain.body.message).toMatch(/reissue-notice/);
    } finally {
      await put(bundled);
    }
    const reissued = (await act(id, 'reissue-notice', 'supervisor', { comment: '模板已恢复' })).body;
    expect(reissued).toMatchObject({ status: 'notice_issued', failedLetters: [], notice: { issuedOn: shanghaiDate(Date.now()) } });
    expect((await notices(id)).map((n) => n.letterKind)).toEqual(['registration-receipt', 'reply-refuse']);
    const events = await stack.dataSource.query('SELECT type FROM case_events WHERE application_id = $1 AND seq > 5 ORDER BY seq', [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['issue-notice', 'notice_failed', 'reissue-notice']);
    const [after] = await stack.dataSource.query('SELECT status, letter_failed FROM applications WHERE id = $1', [id]);
    expect(after).toEqual({ status: 'notice_issued', letter_failed: false });
  });
});
