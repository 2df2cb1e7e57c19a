import { createHash } from 'node:crypto';
import request from 'supertest';
import { ensureOutboxDelivery } from '../../apps/worker/worker.factory';
import { shanghaiDate } from '../../libs/time/shanghai';
import { loginAll, type AuthHeaders } from '../support/http-session';
import { mailText, startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from '../support/message-sinks';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait-for';

/** Waits until `cond` holds (or the time is up; the assertions after it then show what was there). */
const until = (cond: () => boolean | Promise<boolean>, timeoutMs: number) =>
  waitFor(
    async () => cond(),
    (ok) => ok,
    timeoutMs,
  );

// Messages to applicants (issue 19) through the transactional outbox and the delivery workflow,
// to a real SMTP server and an HTTP SMS gateway stub in this process.
describe('messages: outbox → Temporal delivery → SMTP and SMS', () => {
  let smtp: SmtpSink;
  let sms: SmsSink;
  let stack: Stack;
  let auth: AuthHeaders;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    sms = await startSmsSink();
    // No delivery running yet: the first test starts it after restarting the worker.
    stack = await startStack({
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: '临沂市政府信息公开 <ogi@linyi.example>',
        SMS_GATEWAY_URL: sms.url,
        PUBLIC_BASE_URL: 'https://gk.linyi.example',
      },
    });
    auth = await loginAll(stack, ['clerk']);
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
    await sms?.close();
  });

  /** Applies online and has the clerk confirm receipt; answers the application id. */
  async function applyAndConfirm(email: string, phone: string): Promise<string> {
    const res = await request(stack.http)
      .post('/api/public/applications')
      .send({
        applicant: { type: 'natural_person', name: '李四', contact: { phone, email } },
        request: { description: '申请公开某街道老旧小区改造项目的招标文件' },
      })
      .expect(202);
    const [row] = await stack.dataSource.query('SELECT application_id FROM public_submissions WHERE code_hash = $1', [
      createHash('sha256').update(res.body.queryCode).digest(),
    ]);
    await request(stack.http)
      .post(`/api/applications/${row.application_id}/actions/confirm-receipt`)
      .set(auth('clerk'))
      .send({ receivedOn: shanghaiDate(Date.now()) })
      .expect(200);
    return row.application_id;
  }

  const outbox = (
    applicationId: string,
  ): Promise<{ id: string; channel: string; status: string; attempts: number; last_error: string | null }[]> =>
    stack.dataSource.query(
      'SELECT id, channel, status, attempts, last_error FROM message_outbox WHERE application_id = $1 ORDER BY channel',
      [applicationId],
    );
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const smsTo = (phone: string) => sms.requests.filter((r) => r.to === phone);
  const settle = () => new Promise((r) => setTimeout(r, 2500));

  it('delivers the receipt e-mail and SMS exactly once when the worker restarts between outbox write and send', async () => {
    const id = await applyAndConfirm('first@example.com', '13800000001');
    // Written with the confirmation, in its transaction; nothing delivers them yet.
    const written = await outbox(id);
    expect(written.map((m) => [m.channel, m.status])).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo('first@example.com')).toHaveLength(0);

    await stack.restartWorker();
    await ensureOutboxDelivery(stack.temporal, stack.config.temporal.taskQueue, 2000);
    await until(() => mailsTo('first@example.com').length === 1 && smsTo('13800000001').length === 1, 20_000);
    await settle();
    const [mail] = mailsTo('first@example.com');
    expect(mailsTo('first@example.com')).toHaveLength(1);
    expect(smsTo('13800000001')).toHaveLength(1);

    const [view] = await stack.dataSource.query(
      `SELECT registration_number, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM applications WHERE id = $1`,
      [id],
    );
    const emailRow = written.find((m) => m.channel === 'email')!;
    expect(mail.messageId).toBe(`<outbox-${emailRow.id}@linyi.example>`);
    expect(mail.subject).toContain(view.registration_number);
    const text = mailText(mail.raw);
    expect(text).toContain(`登记编号为${view.registration_number}`);
    expect(text).toContain(`${view.due_on}前作出答复`);
    expect(text).toContain('https://gk.linyi.example/track');
    const [message] = smsTo('13800000001');
    expect(message.text).toContain(view.registration_number);
    expect(message.idempotencyKey).toBe(written.find((m) => m.channel === 'sms')!.id);
    expect((await outbox(id)).map((m) => [m.channel, m.status, m.attempts])).toEqual([
      ['email', 'sent', 1],
      ['sms', 'sent', 1],
    ]);
  });

  it('keeps delivering across a worker restart while it runs', async () => {
    await stack.restartWorker();
    await applyAndConfirm('second@example.com', '13800000002');
    await until(() => mailsTo('second@example.com').length === 1 && smsTo('13800000002').length === 1, 30_000);
    await settle();
    expect(mailsTo('second@example.com')).toHaveLength(1);
    expect(smsTo('13800000002')).toHaveLength(1);
  });

  it('retries a message the mail server refused, and sends it once it accepts', async () => {
    smtp.refuse = true;
    const id = await applyAndConfirm('third@example.com', '13800000003');
    await until(async () => (await outbox(id)).find((m) => m.channel === 'email')!.last_error !== null, 20_000);
    const failed = (await outbox(id)).find((m) => m.channel === 'email')!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toMatch(/451/);
    smtp.refuse = false;
    await until(() => mailsTo('third@example.com').length === 1, 30_000);
    await settle();
    expect(mailsTo('third@example.com')).toHaveLength(1);
    expect((await outbox(id)).find((m) => m.channel === 'email')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends a message left "sending" by a dead delivery again with the same Message-ID and idempotency key', async () => {
    const id = await applyAndConfirm('fourth@example.com', '13800000004');
    await until(async () => (await outbox(id)).every((m) => m.status === 'sent'), 20_000);
    expect(mailsTo('fourth@example.com')).toHaveLength(1);
    // As if the delivery had died after sending and before marking sent: the lease has run out.
    await stack.dataSource.query(
      `UPDATE message_outbox SET status = 'sending', lease_until = now() - interval '1 second' WHERE application_id = $1`,
      [id],
    );
    await until(() => mailsTo('fourth@example.com').length === 2 && smsTo('13800000004').length === 2, 20_000);
    expect(mailsTo('fourth@example.com')).toHaveLength(2);
    expect(smsTo('13800000004')).toHaveLength(2);
    const ids = new Set(mailsTo('fourth@example.com').map((m) => m.messageId));
    expect(ids.size).toBe(1); // the receiving side sees the same message again and drops it
    expect(sms.delivered().filter((r) => r.to === '13800000004')).toHaveLength(1);
    await until(async () => (await outbox(id)).every((m) => m.status === 'sent'), 5000);
    expect((await outbox(id)).map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});
