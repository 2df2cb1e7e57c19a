import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { issueNoticeIn } from '../../activities/notice.activities';
import { createRegistrationActivities } from '../../activities/registration.activities';
import type { ApplicationWorkflowInput } from '../../libs/contracts/application';
import { verifyAuditChain } from '../../libs/persistence/audit-verify';
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
      issueNoticeIn,
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
