import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { createCaseActivities, type NotificationInput } from '../../activities/case.activities';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { createRegistrationActivities } from '../../activities/registration.activities';
import { createDataSource } from '../../libs/persistence/data-source';
import { inPersonSubmission } from '../support/http-session';
import { createTestDatabase } from '../support/services';

// Reminders go to the case's assignee; one whose account is gone must still reach someone.
describe('notify against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let notify: ReturnType<typeof createCaseActivities>['notify'];
  let applicationId = '';

  const reminder = (key: string, recipientUsername: string | null): NotificationInput => ({
    applicationId,
    key,
    kind: 'reminder',
    recipientUsername,
    recipientRole: recipientUsername ? null : 'clerk',
    dueOn: '2026-12-25',
    message: 'LYZF-2026-00001：距答复期限还有 5 个工作日（2026-12-25）',
  });
  const stored = async (key: string) =>
    (
      await ds.query('SELECT recipient_username, recipient_role, message FROM notifications WHERE application_id = $1 AND key = $2', [
        applicationId,
        key,
      ])
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 4 });
    await ds.initialize();
    ({ notify } = createCaseActivities({ ds }));
    const { registerApplication } = createRegistrationActivities({ ds, deadlines: await createDeadlineCalculator(ds) });
    applicationId = randomUUID();
    await registerApplication({
      applicationId,
      officeCode: 'LINYI',
      arrivedAt: new Date().toISOString(),
      submittedBy: { username: 'clerk', role: 'clerk' },
      submission: { ...inPersonSubmission(), channel: 'in_person', applicant: { type: 'natural_person', name: '张三', contact: {} } },
    });
    // A second clerk of the same office and department, whose account is then deactivated.
    await ds.query(
      `INSERT INTO users (id, username, display_name, role, office_id, department_id, password_hash, active)
       SELECT gen_random_uuid(), 'clerk.gone', '李四', role, office_id, department_id, password_hash, false FROM users WHERE username = 'clerk'`,
    );
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('keeps a reminder to an active assignee theirs, once per key', async () => {
    expect(await notify(reminder('reminder:a', 'clerk'))).toEqual({ written: true, toSupervisors: false });
    expect(await notify(reminder('reminder:a', 'clerk'))).toEqual({ written: false, toSupervisors: false });
    expect(await stored('reminder:a')).toEqual({
      recipient_username: 'clerk',
      recipient_role: null,
      message: 'LYZF-2026-00001：距答复期限还有 5 个工作日（2026-12-25）',
    });
  });

  it('sends a reminder for a deactivated or removed assignee to the supervisors as well, saying so', async () => {
    expect(await notify(reminder('reminder:b', 'clerk.gone'))).toEqual({ written: true, toSupervisors: true });
    expect(await stored('reminder:b')).toEqual({
      recipient_username: 'clerk.gone',
      recipient_role: 'supervisor',
      message: 'LYZF-2026-00001：距答复期限还有 5 个工作日（2026-12-25）（承办人 clerk.gone 的账号已停用，请主管重新分配承办人）',
    });
    // A retry writes nothing more.
    expect(await notify(reminder('reminder:b', 'clerk.gone'))).toEqual({ written: false, toSupervisors: false });
    expect(await notify(reminder('reminder:c', 'nobody.here'))).toEqual({ written: true, toSupervisors: true });
    expect(await stored('reminder:c')).toMatchObject({ recipient_username: 'nobody.here', recipient_role: 'supervisor' });
  });

  it('leaves a reminder to the clerks and an escalation to the supervisors as they are', async () => {
    expect(await notify(reminder('reminder:d', null))).toEqual({ written: true, toSupervisors: false });
    expect(await stored('reminder:d')).toMatchObject({ recipient_username: null, recipient_role: 'clerk' });
    const escalation: NotificationInput = {
      ...reminder('escalation:e', null),
      kind: 'escalation',
      recipientRole: 'supervisor',
      message: 'overdue',
    };
    expect(await notify(escalation)).toEqual({ written: true, toSupervisors: false });
    expect(await stored('escalation:e')).toEqual({ recipient_username: null, recipient_role: 'supervisor', message: 'overdue' });
  });

  it('a data error is non-retryable: a CHECK violation or a date PostgreSQL cannot hold fails for good, naming the key (issue 15 point 9)', async () => {
    const bad = async (n: NotificationInput) => {
      const err: unknown = await notify(n).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApplicationFailure);
      return err as ApplicationFailure;
    };
    const check = await bad({ ...reminder('data:1', 'clerk'), kind: 'bogus' as never });
    expect(check).toMatchObject({ type: 'DataRejected', nonRetryable: true });
    expect(check.message).toMatch(/^notify data:1: PostgreSQL refused the data: .*ck_notifications_kind.*\(SQLSTATE 23514\)/);
    const date = await bad({ ...reminder('data:2', 'clerk'), dueOn: '2026-02-30' });
    expect(date).toMatchObject({ type: 'DataRejected', nonRetryable: true });
    expect(date.message).toMatch(/SQLSTATE 22/);
    expect(await stored('data:1')).toBeUndefined();
  });
});
