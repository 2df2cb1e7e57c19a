// Which case steps and letters tell the applicant something (issue 19). Pure: the activities ask
// this inside the transaction that records the step or stores the letter, and write the outbox row.
import type { NoticeKind } from '../contracts/notice';
import type { MessageKind } from './message-templates';

export interface StepMessage {
  kind: MessageKind;
  values: Record<string, string | null>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * The applicant message a recorded step causes, or null. `payload` is the step's details as the
 * workflow recorded them (body fields, dueOn, respondBy, payBy); `row` the case after the step.
 */
export function messageForStep(
  type: string,
  payload: Record<string, unknown>,
  row: { receivedOn: string | null; dueOn: string | null },
): StepMessage | null {
  switch (type) {
    case 'confirm-receipt':
      return { kind: 'receipt-confirmed', values: { receivedOn: row.receivedOn ?? str(payload.receivedOn), dueOn: row.dueOn } };
    case 'request-correction':
      return { kind: 'correction-requested', values: { respondBy: str(payload.respondBy) } };
    case 'approve-decision':
      // An approved decision with a fee asks the applicant to pay (Art. 42): the step records payBy.
      return payload.approve === true && str(payload.payBy) ? { kind: 'fee-requested', values: { payBy: str(payload.payBy) } } : null;
    case 'decide-extension':
      return payload.approve === true ? { kind: 'period-extended', values: { dueOn: str(payload.dueOn) ?? row.dueOn } } : null;
    default:
      return null;
  }
}

/** Letters that close or answer the application: issuing one tells the applicant where to download it. */
export const ANNOUNCED_LETTERS: readonly NoticeKind[] = ['reply', 'not-application', 'abandonment', 'withdrawal'];

/** Letters the applicant may download when tracking the application (consultation letters go to third parties). */
export const APPLICANT_LETTERS: readonly NoticeKind[] = [
  'receipt',
  'correction',
  'extension',
  'fee',
  'reply',
  'not-application',
  'abandonment',
  'withdrawal',
];
