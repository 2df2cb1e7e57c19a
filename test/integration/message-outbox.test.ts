import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createCaseActivities } from '../../activities/case.activities';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { createNoticeActivities } from '../../activities/notice.activities';
import { createRegistrationActivities } from '../../activities/registration.activities';
import { caseFacts, newCase } from '../../libs/case';
import { createDataSource } from '../../libs/persistence/data-source';
import { claimMessages, markFailed, markSent, type MessageSettings } from '../../libs/persistence/message-outbox.repository';
import { shanghaiDate } from '../../libs/time/shanghai';
import { createTestDatabase } from '../support/services';

// The outbox is written in the transaction of the step, letter or notification that causes it,
// once per cause, and delivered through claims with a lease (issue 19).
describe('message outbox against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  const settings: MessageSettings = { publicBaseUrl: 'https://gk.example', quietHours: null };
  let online = '';
  let inPerson = '';

  const rows = (applicationId: string) =>
    ds.query(
      `SELECT source_key, audience, channel, recipient, template_kind, template_version, subject, body, status,
              not_before > now() + interval '1 minute' AS deferred
       FROM message_outbox WHERE application_id = $1 ORDER BY source_key, channel, recipient`,
      [applicationId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 4 });
    await ds.initialize();
    const { registerApplication } = createRegistrationActivities({ ds, deadlines: await createDeadlineCalculator(ds) });
    online = randomUUID();
    inPerson = randomUUID();
    const applicant = { type: 'natural_person' as const, name: '李四', contact: { phone: '138-0013-8000', email: 'lisi@example.com' } };
    const request = { description: '申请公开某街道老旧小区改造项目的招标文件' };
    await registerApplication({
      applicationId: online,
      officeCode: 'LINYI',
      arrivedAt: new Date().toISOString(),
      submittedBy: { username: 'online', role: 'system' },
      submission: { channel: 'online', applicant, request },
    });
    await registerApplication({
      applicationId: inPerson,
      officeCode: 'LINYI',
      arrivedAt: new Date().toISOString(),
      submittedBy: { username: 'clerk', role: 'clerk' },
      submission: { channel: 'in_person', receivedOn: shanghaiDate(Date.now()), applicant, request },
    });
    await ds.query(`UPDATE users SET email = username || '@linyi.example' WHERE username IN ('clerk', 'supervisor')`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('writes the receipt message with the confirmation step, once however often the step is retried', async () => {
    const { projectCaseStep } = createCaseActivities({ ds, messages: settings });
    const today = shanghaiDate(Date.now());
    const v = newCase({ applicationId: online, registrationNumber: null, arrivedOn: today, receivedOn: today, status: 'registered' });
    const facts = { ...caseFacts(v), dueOn: '2027-01-04' };
    const step = {
      applicationId: online,
      seq: 2,
      type: 'confirm-receipt',
      actor: 'clerk',
      actorRole: 'clerk',
      occurredAt: new Date().toISOString(),
      payload: { receivedOn: today, dueOn: '2027-01-04', status: 'registered' },
      stateAfter: facts,
      row: { ...facts, closed: false },
    };
    expect(await projectCaseStep(step)).toEqual({ written: true });
    expect(await projectCaseStep(step)).toEqual({ written: false });
    const [{ registration_number: number }] = await ds.query('SELECT registration_number FROM applications WHERE id = $1', [online]);
    const written = await rows(online);
    expect(written).toEqual([
      expect.objectContaining({
        source_key: `step:${online}:2`,
        audience: 'applicant',
        channel: 'email',
        recipient: 'lisi@example.com',
        template_kind: 'receipt-confirmed',
        template_version: 0,
        subject: `【临沂市人民政府办公室】政府信息公开申请已确认收到（${number}）`,
        status: 'pending',
      }),
      expect.objectContaining({ channel: 'sms', recipient: '13800138000', template_kind: 'receipt-confirmed' }),
    ]);
    expect(written[1].body).toBe(
      `【临沂市人民政府办公室】您的政府信息公开申请已于${today}确认收到，编号${number}，答复期限2027-01-04。查询：https://gk.example/track`,
    );
  });

  it('announces an answering letter with the template an administrator stored, in the letter’s transaction', async () => {
    await ds.query(
      `INSERT INTO message_templates (kind, channel, version, subject, body, created_by)
       VALUES ('letter-issued', 'sms', 1, NULL, '{{registrationNumber}}：《{{letterTitle}}》{{noticeNumber}} 已出具，见 {{trackingLink}}', 'admin')`,
    );
    const { issueNotice } = createNoticeActivities({ ds, messages: settings });
    const input = {
      applicationId: inPerson,
      kind: 'withdrawal' as const,
      letterKind: 'withdrawal-confirmation' as const,
      issueKey: 'withdrawal',
      issuedOn: shanghaiDate(Date.now()),
      issuedBy: 'clerk',
      fields: { withdrawnOn: shanghaiDate(Date.now()), withdrawalMethod: '书面' },
    };
    const ref = await issueNotice(input);
    expect(await issueNotice(input)).toEqual(ref);
    const written = await rows(inPerson);
    expect(
      written.map((r: { source_key: string; channel: string; template_version: number }) => [r.source_key, r.channel, r.template_version]),
    ).toEqual([
      [`notice:${ref.id}`, 'email', 0],
      [`notice:${ref.id}`, 'sms', 1],
    ]);
    expect(written[1].body).toMatch(
      new RegExp(`^LYZF-\\d{4}-\\d{5}：《.+》${ref.number.replace(/[〔〕]/g, '.')} 已出具，见 https://gk.example/track$`),
    );
  });

  it('e-mails staff their reminders and escalations, deferred in the quiet hours', async () => {
    const h =
      Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(new Date())) % 24;
    const quiet = createCaseActivities({ ds, messages: { ...settings, quietHours: { fromHour: h, toHour: (h + 2) % 24 } } });
    const loud = createCaseActivities({ ds, messages: settings });
    const base = { applicationId: inPerson, dueOn: '2027-01-04', message: 'LYZF：距答复期限还有 2 个工作日' };
    await loud.notify({ ...base, key: 'reminder:1', kind: 'reminder', recipientUsername: 'clerk', recipientRole: null });
    await loud.notify({ ...base, key: 'reminder:1', kind: 'reminder', recipientUsername: 'clerk', recipientRole: null });
    await quiet.notify({ ...base, key: 'escalation:1', kind: 'escalation', recipientUsername: null, recipientRole: 'supervisor' });
    const staff = (await rows(inPerson)).filter((r: { audience: string }) => r.audience === 'staff');
    expect(
      staff.map((r: { source_key: string; recipient: string; template_kind: string; deferred: boolean }) => [
        r.source_key,
        r.recipient,
        r.template_kind,
        r.deferred,
      ]),
    ).toEqual([
      [`notification:${inPerson}:escalation:1`, 'supervisor@linyi.example', 'staff-escalation', true],
      [`notification:${inPerson}:reminder:1`, 'clerk@linyi.example', 'staff-reminder', false],
    ]);
  });

  it('claims a message once while its lease runs, backs off after a failure and gives up after the last attempt', async () => {
    await ds.query(`UPDATE message_outbox SET status = 'sent' WHERE application_id = $1`, [online]);
    const first = await claimMessages(ds, ['sms'], 10, 60);
    expect(first.length).toBeGreaterThan(0);
    expect(await claimMessages(ds, ['sms'], 10, 60)).toEqual([]);
    const m = first[0];
    await markFailed(ds, m.id, 'gateway down', 2);
    const [after] = await ds.query(`SELECT status, attempts, last_error, not_before > now() AS later FROM message_outbox WHERE id = $1`, [
      m.id,
    ]);
    expect(after).toEqual({ status: 'pending', attempts: 1, last_error: 'gateway down', later: true });
    await ds.query(`UPDATE message_outbox SET not_before = now() WHERE id = $1`, [m.id]);
    const again = (await claimMessages(ds, ['sms'], 10, 60)).find((x) => x.id === m.id)!;
    expect(again.attempts).toBe(2);
    await markFailed(ds, m.id, 'gateway down', 2);
    expect((await ds.query(`SELECT status FROM message_outbox WHERE id = $1`, [m.id]))[0].status).toBe('failed');
    // A mark by a delivery that no longer holds the message changes nothing.
    await markSent(ds, m.id, 'late');
    expect((await ds.query(`SELECT status FROM message_outbox WHERE id = $1`, [m.id]))[0].status).toBe('failed');
  });
});
