import { outsideQuietHours } from '../persistence/message-outbox.repository';
import {
  BUNDLED_MESSAGE_TEMPLATES,
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_PLACEHOLDERS,
  bundledMessageTemplate,
  messageTemplateProblems,
  renderMessage,
} from './message-templates';
import { messageForStep } from './message-triggers';

describe('message templates', () => {
  it('bundle one template per kind and channel, each using only its allowed placeholders', () => {
    for (const kind of MESSAGE_KINDS)
      for (const channel of MESSAGE_CHANNELS) {
        const t = bundledMessageTemplate(kind, channel);
        expect(t).toBeDefined();
        expect(messageTemplateProblems(kind, channel, { ...(channel === 'email' ? { subject: t.subject } : {}), body: t.body })).toEqual(
          [],
        );
      }
    expect(BUNDLED_MESSAGE_TEMPLATES).toHaveLength(MESSAGE_KINDS.length * MESSAGE_CHANNELS.length);
  });

  it('render in Chinese with the case facts, a missing value as a dash', () => {
    const r = renderMessage(bundledMessageTemplate('receipt-confirmed', 'sms'), {
      officeName: '临沂市人民政府办公室',
      registrationNumber: 'LYZF-2026-00007',
      receivedOn: '2026-12-03',
      dueOn: '2026-12-31',
      trackingLink: 'https://gk.example/track',
    });
    expect(r).toEqual({
      subject: null,
      body: '【临沂市人民政府办公室】您的政府信息公开申请已于2026-12-03确认收到，编号LYZF-2026-00007，答复期限2026-12-31。查询：https://gk.example/track',
    });
    const staff = renderMessage(bundledMessageTemplate('staff-reminder', 'email'), { message: '请办理' });
    expect(staff.body).toContain('答复期限：—');
  });

  it("refuse an administrator's template that breaks a rule, naming the field", () => {
    expect(messageTemplateProblems('period-extended', 'sms', { body: '延长至{{dueOn}}，{{payBy}}' })).toEqual([
      `body: unknown placeholder {{payBy}}; allowed: ${MESSAGE_PLACEHOLDERS['period-extended'].join(', ')}`,
    ]);
    expect(messageTemplateProblems('period-extended', 'email', { body: 'x' })).toEqual(['subject: must be a non-empty string']);
    expect(messageTemplateProblems('period-extended', 'sms', { body: 'x', subject: 'y' })).toEqual([
      'subject: is not allowed for an SMS template',
    ]);
    expect(messageTemplateProblems('period-extended', 'sms', { body: '{{dueOn' })[0]).toMatch(/^body: Malformed placeholder/);
    expect(messageTemplateProblems('period-extended', 'sms', { body: 'x', extra: 1 })).toEqual(['extra: is not an allowed field']);
    expect(messageTemplateProblems('period-extended', 'sms', 'x')).toEqual(['body: must be a JSON object {subject?, body}']);
  });
});

describe('which steps tell the applicant', () => {
  const row = { receivedOn: '2026-12-03', dueOn: '2026-12-31' };
  it('receipt confirmed, correction, fee, approved extension; nothing else', () => {
    expect(messageForStep('confirm-receipt', { receivedOn: '2026-12-03' }, row)).toEqual({
      kind: 'receipt-confirmed',
      values: { receivedOn: '2026-12-03', dueOn: '2026-12-31' },
    });
    expect(messageForStep('request-correction', { respondBy: '2026-12-20' }, row)).toEqual({
      kind: 'correction-requested',
      values: { respondBy: '2026-12-20' },
    });
    expect(messageForStep('approve-decision', { approve: true, payBy: '2026-12-25' }, row)).toEqual({
      kind: 'fee-requested',
      values: { payBy: '2026-12-25' },
    });
    expect(messageForStep('approve-decision', { approve: true }, row)).toBeNull();
    expect(messageForStep('decide-extension', { approve: true, dueOn: '2027-01-29' }, row)).toEqual({
      kind: 'period-extended',
      values: { dueOn: '2027-01-29' },
    });
    expect(messageForStep('decide-extension', { approve: false }, row)).toBeNull();
    expect(messageForStep('triage', {}, row)).toBeNull();
  });
});

describe('staff quiet hours (Asia/Shanghai)', () => {
  const quiet = { fromHour: 22, toHour: 7 };
  it('hold a message written at night until the morning, and leave a daytime one alone', () => {
    // 23:30 Shanghai = 15:30Z → 07:00 next day Shanghai = 23:00Z
    expect(outsideQuietHours(new Date('2026-12-03T15:30:00Z'), quiet).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    // 03:00 Shanghai = 19:00Z the day before → 07:00 the same Shanghai day
    expect(outsideQuietHours(new Date('2026-12-02T19:00:00Z'), quiet).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    const day = new Date('2026-12-03T01:00:00Z'); // 09:00 Shanghai
    expect(outsideQuietHours(day, quiet)).toBe(day);
    expect(outsideQuietHours(day, { fromHour: 8, toHour: 12 }).toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(outsideQuietHours(day, null)).toBe(day);
  });
});
