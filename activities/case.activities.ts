import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { CalendarData } from '../libs/calendar/calendar.types';
import type { CaseFacts } from '../libs/case';
import { appendCaseEvent, type NewCaseEvent } from '../libs/persistence/case-event.repository';
import { loadCalendarData } from '../libs/persistence/calendar.repository';
import { messageForStep } from '../libs/messages/message-triggers';
import {
  DEFAULT_MESSAGE_SETTINGS,
  enqueueApplicantMessage,
  enqueueStaffMessage,
  type MessageSettings,
} from '../libs/persistence/message-outbox.repository';
import type { DeadlineCalculator } from './deadline-calculator';

export interface CaseDeps {
  ds: DataSource;
  /** The worker's calendar cache; without it every load reads the whole calendar. */
  deadlines?: Pick<DeadlineCalculator, 'calendarYears'>;
  /** Tracking link and staff quiet hours of the messages the steps cause (the outbox). */
  messages?: MessageSettings;
}

/**
 * One accepted step as the read model sees it: the audit event, the workflow's state after
 * it (stateAfter, kept with the event) and the applications row after the batch of steps it
 * belongs to (libs/case CaseFacts, plus whether the case is closed).
 */
export interface CaseProjection extends NewCaseEvent {
  stateAfter: CaseFacts;
  row: CaseFacts & { closed: boolean };
}

export interface NotificationInput {
  applicationId: string;
  /** unique per case: a retried activity or a replayed alarm never notifies twice */
  key: string;
  kind: 'reminder' | 'escalation';
  recipientUsername: string | null;
  recipientRole: string | null;
  message: string;
  dueOn: string | null;
}

/**
 * PostgreSQL refuses the data itself (SQLSTATE class 22 data exception, such as a date out of range
 * or an invalid value; 23502 NOT NULL, 23514 CHECK, 23503 foreign key): a retry would be refused
 * the same way, so the activity fails for good (type DataRejected) and the failure is visible,
 * instead of retrying forever. Connection loss, deadlocks and serialization failures stay retryable.
 */
export function failOnDataError(what: string) {
  return (err: unknown): never => {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23514' || code === '23503')) {
      throw ApplicationFailure.create({
        type: 'DataRejected',
        message: `${what}: PostgreSQL refused the data: ${(err as Error).message} (SQLSTATE ${code})`,
        nonRetryable: true,
      });
    }
    throw err;
  };
}

export function createCaseActivities({ ds, deadlines, messages = DEFAULT_MESSAGE_SETTINGS }: CaseDeps) {
  /**
   * The calendar years [fromYear, toYear] the workflow needs (not the whole
   * calendar): the result is recorded in history, so replay uses the same days.
   */
  async function loadCalendarYears(range: { fromYear: number; toYear: number }): Promise<CalendarData> {
    if (deadlines) return deadlines.calendarYears(range);
    const data = await loadCalendarData(ds).catch(failOnDataError('loadCalendarYears'));
    return { version: data.version, years: data.years.filter((y) => y.year >= range.fromYear && y.year <= range.toYear) };
  }

  /**
   * Writes one step: the hash-chained case event (keyed by application + seq) and
   * the applications row. Idempotent: a retried activity writes nothing twice, and
   * a late retry never overwrites the row of a newer step.
   */
  async function projectCaseStep(p: CaseProjection): Promise<{ written: boolean }> {
    return projectStep(p).catch(failOnDataError(`projectCaseStep ${p.type} (seq ${p.seq})`));
  }
  async function projectStep(p: CaseProjection): Promise<{ written: boolean }> {
    return ds.transaction(async (m) => {
      const written = await appendCaseEvent(m, {
        applicationId: p.applicationId,
        seq: p.seq,
        type: p.type,
        actor: p.actor,
        actorRole: p.actorRole,
        occurredAt: p.occurredAt,
        payload: p.payload,
        stateAfter: p.stateAfter,
      });
      const r = p.row;
      await m.query(
        `UPDATE applications a SET
           status = $3, received_on = $4, regime = $5, due_on = $6, assignee = $7, department_code = $8,
           department_id = COALESCE((SELECT d.id FROM departments d WHERE d.office_id = a.office_id AND d.code = $8), NULL),
           triage_outcome = $9, reply_kind = $10, outcome = $11, outcome_reason = $12, answered_on = $13,
           working_days_late = $14, overdue = $15, closed_at = CASE WHEN $16::boolean THEN $17::timestamptz ELSE NULL END,
           triaged_by = $18, reasons_requested_on = $19, drafted_by = $20, confidentiality_approved = $21,
           confidentiality_reviewed_by = $22, decision_approved = $23, decision_approved_by = $24,
           withholding_grounds = $25::text[], clock_paused_for = $26, letter_failed = $27, dispatched_on = $28,
           last_event_seq = $2, updated_at = now()
         WHERE a.id = $1 AND a.last_event_seq < $2`,
        [
          p.applicationId,
          p.seq,
          r.status,
          r.receivedOn,
          r.regime,
          r.dueOn,
          r.assignee,
          r.department,
          r.triageOutcome,
          r.replyKind,
          r.outcome,
          r.outcomeReason,
          r.answeredOn,
          r.workingDaysLate,
          r.overdue,
          r.closed,
          p.occurredAt,
          r.triagedBy,
          r.reasonsRequestedOn,
          r.draftedBy,
          r.confidentialityApproved,
          r.confidentialityReviewedBy,
          r.decisionApproved,
          r.decisionApprovedBy,
          r.withholdingGrounds,
          r.clockPausedFor,
          r.letterFailed,
          r.dispatchedOn,
        ],
      );
      // The message the step causes goes to the outbox in this transaction: it exists exactly when the step does.
      const message = written ? messageForStep(p.type, p.payload, r) : null;
      if (message) {
        await enqueueApplicantMessage(m, messages, {
          applicationId: p.applicationId,
          sourceKey: `step:${p.applicationId}:${p.seq}`,
          kind: message.kind,
          values: message.values,
        });
      }
      return { written };
    });
  }

  /**
   * A reminder or escalation in the notifications table (the inbox the UI reads). A reminder
   * for an assignee whose account has since been deactivated (or removed) would reach nobody:
   * it goes to the supervisors as well, saying so, so that someone reassigns the case before
   * it is due.
   */
  async function notify(n: NotificationInput): Promise<{ written: boolean; toSupervisors: boolean }> {
    return ds
      .transaction(async (m) => {
        const rows: { recipient_role: string | null }[] = await m.query(
          `WITH holder AS (
           SELECT $4::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users WHERE username = $4 AND active) AS gone
         )
         INSERT INTO notifications (application_id, key, kind, recipient_username, recipient_role, message, due_on)
         SELECT $1, $2, $3, $4, CASE WHEN gone THEN 'supervisor' ELSE $5 END, CASE WHEN gone THEN $6 || $8 ELSE $6 END, $7
         FROM holder
         ON CONFLICT ON CONSTRAINT uq_notifications_application_key DO NOTHING RETURNING recipient_role`,
          [
            n.applicationId,
            n.key,
            n.kind,
            n.recipientUsername,
            n.recipientRole,
            n.message,
            n.dueOn,
            `（承办人 ${n.recipientUsername} 的账号已停用，请主管重新分配承办人）`,
          ],
        );
        // Staff e-mails for the notification, in the same transaction (outside quiet hours).
        if (rows.length > 0) {
          await enqueueStaffMessage(m, messages, {
            applicationId: n.applicationId,
            notificationKey: n.key,
            kind: n.kind,
            recipientUsername: rows[0].recipient_role === 'supervisor' && n.recipientRole !== 'supervisor' ? null : n.recipientUsername,
            recipientRole: rows[0].recipient_role,
            message: n.message,
            dueOn: n.dueOn,
          });
        }
        return { written: rows.length > 0, toSupervisors: rows[0]?.recipient_role === 'supervisor' && n.recipientRole !== 'supervisor' };
      })
      .catch(failOnDataError(`notify ${n.key}`));
  }

  return { loadCalendarYears, projectCaseStep, notify };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
