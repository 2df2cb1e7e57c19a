import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { issueNoticeIn, noticeWriter } from '../../activities/notice.activities';
import { createRegistrationActivities } from '../../activities/registration.activities';
import type { ApplicationWorkflowInput } from '../../libs/contracts/application';
import { verifyAuditChain } from '../../libs/persistence/audit-verify';
import { contentHash, escapeHtml, findTemplate } from '../../libs/documents';
import { shanghaiDate } from '../../libs/time/shanghai';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

const input = (
  over: Partial<ApplicationWorkflowInput['submission']> = {},
  arrivedAt = '2024-09-27T02:00:00.000Z',
): ApplicationWorkflowInput => ({
  applicationId: randomUUID(),
  officeCode: 'LINYI',
  arrivedAt,
  submittedBy: { username: 'clerk', role: 'clerk' },
  submission: {
    channel: 'in_person',
    applicant: {
      type: 'legal_person',
      category: 'law_firm',
      name: '某律师事务所',
      idNumber: '91371300MA3C000000',
      contact: { email: 'a@b.cn' },
    },
    request: { description: '某项目环评批复' },
    ...over,
  },
});

describe('registerApplication against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let register: ReturnType<typeof createRegistrationActivities>['registerApplication'];
  let registerCase: ReturnType<typeof createRegistrationActivities>['registerCase'];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 8 });
    await ds.initialize();
    ({ registerApplication: register, registerCase } = createRegistrationActivities({
      ds,
      deadlines: await createDeadlineCalculator(ds),
      letters: noticeWriter,
    }));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('is idempotent: a retried activity returns the same registration and writes nothing twice', async () => {
    const i = input();
    const first = await register(i);
    const again = await register(i);
    expect(again).toEqual(first);
    const [{ apps }] = await ds.query('SELECT count(*)::int AS apps FROM applications WHERE id = $1', [i.applicationId]);
    const [{ events }] = await ds.query('SELECT count(*)::int AS events FROM case_events WHERE application_id = $1', [i.applicationId]);
    const [{ applicants }] = await ds.query(
      'SELECT count(*)::int AS applicants FROM applicants a JOIN applications p ON p.applicant_id = a.id WHERE p.id = $1',
      [i.applicationId],
    );
    expect([apps, events, applicants]).toEqual([1, 1, 1]);
  });

  it('refuses, without retrying, a submission PostgreSQL cannot store, and writes nothing', async () => {
    const i = input();
    i.submission.request.description = 'a NUL \u0000 byte';
    const err = await register(i).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'RegistrationRejected', nonRetryable: true });
    expect((err as Error).message).toMatch(/cannot be stored.*SQLSTATE 22/);
    const [{ apps }] = await ds.query('SELECT count(*)::int AS apps FROM applications WHERE id = $1', [i.applicationId]);
    expect(apps).toBe(0);
  });

  it('registers with the calendar years the case needs and the receipt letter, in one transaction, once', async () => {
    const i = input();
    const r = await registerCase(i);
    expect(r.receipt).toMatchObject({ kind: 'receipt', number: expect.stringMatching(/^临政公开〔\d{4}〕第\d+号$/) });
    const again = await registerCase(i);
    expect(again.receipt).toEqual(r.receipt);
    expect(again.registration).toEqual(r.registration);
    const notices = await ds.query('SELECT id, kind, docx IS NULL AS lazy FROM notices WHERE application_id = $1', [i.applicationId]);
    expect(notices).toEqual([{ id: r.receipt!.id, kind: 'receipt', lazy: true }]);
    expect(r.registration).toMatchObject({ receivedOn: '2024-09-27', dueOn: '2024-10-30' });
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    expect([r.fromYear, r.toYear]).toEqual([2024, thisYear + 2]);
    // Every year of the range: official ones and, past the last official year, the derived ones.
    expect(r.calendar.years.map((y) => y.year)).toEqual(Array.from({ length: r.toYear - r.fromYear + 1 }, (_, k) => r.fromYear + k));
    const nationalDay = r.calendar.years.find((y) => y.year === 2024)!.days.find((d) => d.date === '2024-10-01');
    expect(nationalDay).toMatchObject({ kind: 'holiday' });
  });

  it('fills the receipt from the facts it has just inserted exactly as a later letter reads them back', async () => {
    const i = input({ applicant: { type: 'natural_person', name: '李四', contact: { phone: '13800000000' } } });
    const r = await registerCase(i);
    const [first] = await ds.query(`SELECT to_char(notice_date, 'YYYY-MM-DD') AS day FROM notices WHERE id = $1`, [r.receipt!.id]);
    const later = await ds.transaction((m) =>
      issueNoticeIn(m, {
        applicationId: i.applicationId,
        kind: 'receipt',
        letterKind: 'registration-receipt',
        issueKey: 'read-back',
        issuedOn: first.day,
        issuedBy: 'clerk',
        fields: { dueOn: r.registration.dueOn! },
      }),
    );
    const rows: { number: string; html: string; office_profile: unknown }[] = await ds.query(
      'SELECT number, html, office_profile FROM notices WHERE id = ANY($1) ORDER BY number_seq',
      [[r.receipt!.id, later.id]],
    );
    expect(rows).toHaveLength(2);
    const [a, b] = rows.map((row) => ({ ...row, html: row.html.split(row.number).join('<number>'), number: undefined }));
    expect(a.html).toContain('李四');
    expect(a).toEqual(b);
  });

  it('computes receipt day, regime and due day from the database calendar', async () => {
    // 2024-09-27 10:00 in Shanghai is 02:00 UTC; due 20 working days later across National Day.
    const r = await register(input());
    expect(r).toMatchObject({ receivedOn: '2024-09-27', regime: '2019', dueOn: '2024-10-30', status: 'registered' });
    // An arrival late in the UTC evening is already the next day in Shanghai.
    const late = await register(input({}, '2024-09-26T17:30:00.000Z'));
    expect(late.receivedOn).toBe('2024-09-27');
  });

  it('gives concurrent registrations distinct consecutive numbers within office and year', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => register(input({}, '2025-03-03T02:00:00.000Z'))));
    const seqs = results.map((r) => Number(r.registrationNumber.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(12);
    expect(seqs[11] - seqs[0]).toBe(11);
    expect(results.every((r) => r.registrationNumber.startsWith('LYZF-2025-'))).toBe(true);
  });

  it('loads a new calendar through its own transaction, so a pool of one connection does not wait on itself', async () => {
    const single = createDataSource(db.url, { poolSize: 1 });
    await single.initialize();
    try {
      // A fresh calculator has no calendar yet: the registration's look-up reads the version and the
      // load runs inside the registration's transaction, the pool's only connection.
      const { registerCase: registerOnOne } = createRegistrationActivities({
        ds: single,
        deadlines: await createDeadlineCalculator(single),
        letters: noticeWriter,
      });
      const r = await registerOnOne(input());
      expect(r.registration).toMatchObject({ receivedOn: '2024-09-27', dueOn: '2024-10-30' });
      expect(r.receipt).not.toBeNull();
    } finally {
      await single.destroy();
    }
  });

  it("issues the receipt from an administrator's active stored template of the case's regime", async () => {
    const bundled = findTemplate('registration-receipt', '2019')!;
    const stored = { ...bundled, version: bundled.version + 40, title: `${bundled.title}（试行）` };
    await ds.query(
      `INSERT INTO notice_templates (id, kind, regime, version, body, created_by) VALUES (gen_random_uuid(), $1, '2019', $2, $3, 'admin')`,
      ['registration-receipt', stored.version, JSON.stringify(stored)],
    );
    try {
      const r = await registerCase(input());
      const [n] = await ds.query('SELECT template_version, html FROM notices WHERE id = $1', [r.receipt!.id]);
      expect(n.template_version).toBe(stored.version);
      expect(n.html).toContain('（试行）');
      // A 2008-regime case keeps the bundled 2008 template.
      const old = await registerCase(input({}, '2018-03-05T02:00:00.000Z'));
      const [o] = await ds.query('SELECT template_version FROM notices WHERE id = $1', [old.receipt!.id]);
      expect(o.template_version).toBe(findTemplate('registration-receipt', '2008')!.version);
    } finally {
      await ds.query(`UPDATE notice_templates SET active = false WHERE kind = 'registration-receipt' AND version = $1`, [stored.version]);
    }
  });

  it('registers without a receipt that the case cannot fill, and leaves no letter or used number behind', async () => {
    const bundled = findTemplate('registration-receipt', '2019')!;
    // An administrator's template asking for a fact the registration does not have.
    const stored = {
      ...bundled,
      version: bundled.version + 41,
      fields: [...bundled.fields, { name: 'caseOfficer', label: '承办人', type: 'text', required: true }],
    };
    await ds.query(
      `INSERT INTO notice_templates (id, kind, regime, version, body, created_by) VALUES (gen_random_uuid(), $1, '2019', $2, $3, 'admin')`,
      ['registration-receipt', stored.version, JSON.stringify(stored)],
    );
    const counter = async () => (await ds.query(`SELECT coalesce(sum(last_seq), 0)::int AS n FROM notice_counters`))[0].n as number;
    try {
      const before = await counter();
      const i = input();
      const r = await registerCase(i);
      expect(r.registration.registrationNumber).toMatch(/^LYZF-2024-\d{5}$/);
      expect(r.receipt).toBeNull();
      expect(r.receiptError).toMatch(/registration-receipt: .*caseOfficer/);
      expect(await ds.query('SELECT 1 FROM notices WHERE application_id = $1', [i.applicationId])).toHaveLength(0);
      expect(await counter()).toBe(before);
      const [app] = await ds.query('SELECT registration_number FROM applications WHERE id = $1', [i.applicationId]);
      expect(app.registration_number).toBe(r.registration.registrationNumber);
    } finally {
      await ds.query(`UPDATE notice_templates SET active = false WHERE kind = 'registration-receipt' AND version = $1`, [stored.version]);
    }
    // The next receipt takes the next number: the refused letter used none. Prefixes with
    // characters that HTML and JSON escape show that the notice number and the registration
    // number (both taken in the storing statement) are written into each form right.
    const prefixes = `SELECT notice_prefix, registration_prefix FROM offices WHERE code = 'LINYI'`;
    const [saved] = await ds.query(prefixes);
    await ds.query(`UPDATE offices SET notice_prefix = $1, registration_prefix = $2 WHERE code = 'LINYI'`, ['临&"政<公开>', 'L&Y<"Z\\']);
    let next;
    const i2 = input();
    try {
      next = await registerCase(i2);
    } finally {
      await ds.query(`UPDATE offices SET notice_prefix = $1, registration_prefix = $2 WHERE code = 'LINYI'`, [
        saved.notice_prefix,
        saved.registration_prefix,
      ]);
    }
    const reg = next.registration.registrationNumber;
    expect(reg).toMatch(/^L&Y<"Z\\-2024-\d{5}$/);
    const [app] = await ds.query('SELECT registration_number FROM applications WHERE id = $1', [i2.applicationId]);
    expect(app.registration_number).toBe(reg);
    const [event] = await ds.query('SELECT payload FROM case_events WHERE application_id = $1 AND seq = 1', [i2.applicationId]);
    expect(event.payload.registrationNumber).toBe(reg);
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, events: expect.any(Number) });
    const [n] = await ds.query('SELECT number, number_seq, html, rendered, content_hash FROM notices WHERE id = $1', [next.receipt!.id]);
    expect(n.html).toContain(escapeHtml(reg));
    expect(n.html).not.toMatch(/\uE000/);
    expect(JSON.stringify(n.rendered)).toContain(JSON.stringify(reg).slice(1, -1));
    expect(n.number).toBe(next.receipt!.number);
    expect(n.number).toBe(`临&"政<公开>〔${shanghaiDate(Date.now()).slice(0, 4)}〕第${n.number_seq}号`);
    // The number is in the letter in every form, and the stored hash is the HTML's SHA-256.
    expect(n.html).toContain(escapeHtml(n.number));
    expect(n.html).not.toContain(n.number);
    expect(n.rendered.noticeNumber).toBe(n.number);
    expect(JSON.stringify(n.rendered)).not.toMatch(/\uE000/);
    expect(n.content_hash).toBe(contentHash(n.html));
    expect(next.receipt!.contentHash).toBe(n.content_hash);
  });

  it('numbers with at least five digits, and with all of them past 99999', async () => {
    const first = await register(input({}, '2019-06-03T02:00:00.000Z'));
    expect(first.registrationNumber).toBe('LYZF-2019-00001');
    await ds.query(
      `UPDATE registration_counters SET last_seq = 99998 WHERE year = 2019 AND office_id = (SELECT id FROM offices WHERE code = 'LINYI')`,
    );
    const [a, b] = [await register(input({}, '2019-06-03T02:00:00.000Z')), await register(input({}, '2019-06-03T02:00:00.000Z'))];
    expect([a.registrationNumber, b.registrationNumber]).toEqual(['LYZF-2019-99999', 'LYZF-2019-100000']);
  });

  it('waits for receipt confirmation on mail, online and fax without a receipt day', async () => {
    for (const channel of ['mail', 'online', 'fax'] as const) {
      const r = await register(input({ channel }));
      expect(r).toMatchObject({ status: 'awaiting_confirmation', receivedOn: null, dueOn: null, regime: null });
    }
    const post = await register(input({ channel: 'post' }));
    expect(post.status).toBe('registered');
  });

  it('refuses an unknown office without retrying', async () => {
    await expect(register({ ...input(), officeCode: 'NOWHERE' })).rejects.toMatchObject({
      type: 'RegistrationRejected',
      nonRetryable: true,
      message: 'office NOWHERE does not exist',
    });
  });

  it('keeps one unbroken hash chain, and the database refuses to edit or delete events', async () => {
    const chain = await verifyAuditChain(ds);
    expect(chain).toEqual({ ok: true, events: expect.any(Number) });
    expect(chain.events).toBeGreaterThan(5);
    await expect(ds.query(`UPDATE case_events SET actor = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM case_events`)).rejects.toThrow(/append-only/);
  });
});
