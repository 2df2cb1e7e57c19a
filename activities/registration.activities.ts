import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CONFIRMATION_CHANNELS,
  calendarYearsFor,
  type ApplicationWorkflowInput,
  type CaseRegistration,
  type RegistrationResult,
  workflowIdFor,
} from '../libs/contracts/application';
import type { IssueNoticeInput, NoticeRef } from '../libs/contracts/notice';
import type { NoticeTemplate } from '../libs/documents';
import { appendCaseEvent } from '../libs/persistence/case-event.repository';
import { preparedQuery } from '../libs/persistence/prepared-query';
import { shanghaiDate } from '../libs/time/shanghai';
import type { CalendarSnapshot, DeadlineCalculator } from './deadline-calculator';
import type { CaseRow, InsertedCase } from './notice.activities';

export interface RegistrationDeps {
  ds: DataSource;
  deadlines: DeadlineCalculator;
  /** Issues the registration receipt in the registration's transaction (notice.activities); without it none is issued here. */
  issueNoticeIn?: (m: EntityManager, input: IssueNoticeInput, inserted?: InsertedCase) => Promise<NoticeRef>;
}

const reject = (message: string) => ApplicationFailure.create({ message, type: 'RegistrationRejected', nonRetryable: true });

/**
 * PostgreSQL refuses the submission itself (SQLSTATE class 22 data exception, e.g. a
 * NUL byte or a value out of range; 23502/23514 a NOT NULL or CHECK violation):
 * retrying cannot help, so the registration fails instead of retrying forever.
 * Connection loss, deadlocks and serialization failures stay retryable.
 */
export function rejectDataError(err: unknown): never {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23514')) {
    throw reject(`the submission cannot be stored: ${(err as Error).message} (SQLSTATE ${code})`);
  }
  throw err;
}

/** A LOOKUP row: the application's columns are null when it does not exist yet, the office's when the code is unknown. */
interface LookupRow extends Pick<
  CaseRow,
  | 'office_name'
  | 'notice_prefix'
  | 'reconsideration_organ'
  | 'office_address'
  | 'office_postcode'
  | 'office_phone'
  | 'office_contact_person'
  | 'office_court'
> {
  id: string | null;
  registration_number: string | null;
  regime: string | null;
  received_on: string | null;
  due_on: string | null;
  status: string | null;
  office_id: string | null;
  registration_prefix: string;
  calendar_version: string | null;
  receipt_template_2019: NoticeTemplate | null;
  receipt_template_2008: NoticeTemplate | null;
}

/**
 * In one statement: the application if it exists already, the office columns a registration and
 * its receipt letter need, the current calendar version, and the receipt letter's active stored
 * template of each regime (the regime follows from the receipt day, computed after this).
 */
const LOOKUP = `
  SELECT a.id, a.registration_number, a.regime, to_char(a.received_on, 'YYYY-MM-DD') AS received_on,
         to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status,
         o.id AS office_id, o.registration_prefix, o.name AS office_name, o.notice_prefix, o.reconsideration_organ,
         o.address AS office_address, o.postcode AS office_postcode, o.phone AS office_phone,
         o.contact_person AS office_contact_person, o.court AS office_court,
         (SELECT version FROM calendar_versions ORDER BY id DESC LIMIT 1) AS calendar_version,
         (SELECT body FROM notice_templates WHERE kind = 'registration-receipt' AND regime = '2019' AND active
          ORDER BY version DESC LIMIT 1) AS receipt_template_2019,
         (SELECT body FROM notice_templates WHERE kind = 'registration-receipt' AND regime = '2008' AND active
          ORDER BY version DESC LIMIT 1) AS receipt_template_2008
  FROM (SELECT 1) one LEFT JOIN applications a ON a.id = $1 LEFT JOIN offices o ON o.code = $2`;

/**
 * Number, applicant and application in one statement. The number is
 * <prefix>-<year>-<serial, at least 5 digits> from the office's counter for the year.
 */
const INSERT = `
  WITH c AS (
    INSERT INTO registration_counters (office_id, year, last_seq) VALUES ($1, $2, 1)
    ON CONFLICT (office_id, year) DO UPDATE SET last_seq = registration_counters.last_seq + 1
    RETURNING last_seq),
  p AS (
    INSERT INTO applicants (id, type, category, name, id_number, phone, email, address)
    VALUES (gen_random_uuid(), $3, $4, $5, $6, $7, $8, $9) RETURNING id)
  INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year,
    registration_seq, channel, arrived_at, received_on, regime, due_on, status, description, document_number,
    requested_form, requested_delivery, created_by)
  SELECT $10::uuid, $1::uuid, p.id, $11::text,
         $12::text || CASE WHEN c.last_seq < 100000 THEN lpad(c.last_seq::text, 5, '0') ELSE c.last_seq::text END,
         $2::integer, c.last_seq, $13::text, $14::timestamptz, $15::date, $16::text, $17::date, $18::text, $19::text,
         $20::text, $21::text, $22::text, $23::text
  FROM c, p
  RETURNING registration_number`;

/**
 * Registers one application in PostgreSQL: number, applicant, receipt day,
 * regime and due day, plus the first audit event. Idempotent by application id,
 * so a retried activity returns the registration it already made.
 */
export function createRegistrationActivities({ ds, deadlines, issueNoticeIn }: RegistrationDeps) {
  async function registerApplication(input: ApplicationWorkflowInput): Promise<RegistrationResult> {
    return register(input, async () => undefined).then((r) => r.registration);
  }

  /**
   * Registers in one transaction, then runs `after` in it (the receipt letter; `inserted` is
   * the new case's letter facts, absent when a retry finds the case registered already), and
   * appends the audit event last, so the chain head is locked only for the end of the transaction.
   * A new case takes four statements besides `after`'s: the look-up, the insert and the event's two.
   * Answers with the calendar version it used, for the workflow's years.
   */
  async function register<T>(
    input: ApplicationWorkflowInput,
    after: (m: EntityManager, r: RegistrationResult, inserted?: InsertedCase) => Promise<T>,
  ): Promise<{ registration: RegistrationResult; after: T; calendar: CalendarSnapshot }> {
    const { submission } = input;
    const awaitsConfirmation = CONFIRMATION_CHANNELS.includes(submission.channel) && !submission.receivedOn;
    const receivedOn = awaitsConfirmation ? null : (submission.receivedOn ?? shanghaiDate(input.arrivedAt));
    const status = awaitsConfirmation ? 'awaiting_confirmation' : 'registered';
    return ds
      .transaction(async (m) => {
        const [row] = await preparedQuery<LookupRow>(m, 'registration-lookup', LOOKUP, [input.applicationId, input.officeCode]);
        // The calendar of the version just read: cached per version, so this is pure computation
        // unless an administrator has just loaded a new arrangement.
        const calendar = await deadlines.snapshot(row.calendar_version ?? 'empty', m);
        if (row.id) {
          const registration = toResult(row);
          return { registration, after: await after(m, registration), calendar };
        }
        if (!row.office_id) throw reject(`office ${input.officeCode} does not exist`);
        const deadline = receivedOn ? calendar.compute({ receivedOn }) : null;

        const year = Number(shanghaiDate(input.arrivedAt).slice(0, 4));
        const a = submission.applicant;
        const r = submission.request;
        const [{ registration_number: registrationNumber }] = await preparedQuery<{ registration_number: string }>(
          m,
          'registration-insert',
          INSERT,
          [
            row.office_id,
            year,
            a.type,
            a.category ?? null,
            a.name,
            a.idNumber ?? null,
            a.contact.phone ?? null,
            a.contact.email ?? null,
            a.contact.address ?? null,
            input.applicationId,
            workflowIdFor(input.applicationId),
            `${row.registration_prefix}-${year}-`,
            submission.channel,
            input.arrivedAt,
            receivedOn,
            deadline?.regime ?? null,
            deadline?.dueOn ?? null,
            status,
            r.description,
            r.documentNumber ?? null,
            r.form ?? null,
            r.delivery ?? null,
            input.submittedBy.username,
          ],
        );
        const registration: RegistrationResult = {
          id: input.applicationId,
          registrationNumber,
          regime: deadline?.regime ?? null,
          receivedOn,
          dueOn: deadline?.dueOn ?? null,
          status,
        };
        const inserted: CaseRow = {
          office_id: row.office_id,
          office_name: row.office_name,
          notice_prefix: row.notice_prefix,
          reconsideration_organ: row.reconsideration_organ,
          office_address: row.office_address,
          office_postcode: row.office_postcode,
          office_phone: row.office_phone,
          office_contact_person: row.office_contact_person,
          office_court: row.office_court,
          registration_number: registrationNumber,
          received_on: receivedOn,
          regime: registration.regime,
          due_on: registration.dueOn,
          channel: submission.channel,
          description: r.description,
          applicant_name: a.name,
          applicant_type: a.type,
        };
        const storedTemplate = deadline ? (row[`receipt_template_${deadline.regime}`] ?? null) : null;
        const done = await after(m, registration, { row: inserted, storedTemplate });
        await appendCaseEvent(
          m,
          {
            applicationId: input.applicationId,
            seq: 1,
            type: 'registered',
            actor: input.submittedBy.username,
            actorRole: input.submittedBy.role,
            occurredAt: input.arrivedAt,
            payload: {
              registrationNumber,
              channel: submission.channel,
              receivedOn,
              regime: deadline?.regime ?? null,
              dueOn: deadline?.dueOn ?? null,
              provisional: deadline?.provisional ?? null,
              calendarVersion: deadline?.calendarVersion ?? null,
            },
          },
          { fresh: true },
        );
        return { registration, after: done, calendar };
      })
      .catch(rejectDataError);
  }

  /**
   * Registration plus the calendar years the case needs, in one call: the workflow
   * runs it as a local activity, so a new case is registered and ready for its first
   * step within its first workflow task (the API's registration round trip).
   */
  async function registerCase(input: ApplicationWorkflowInput): Promise<CaseRegistration> {
    const today = shanghaiDate(Date.now());
    // One calendar version for the due day and the years the workflow gets.
    const {
      registration,
      after: receipt,
      calendar,
    } = await register(input, async (m, r, inserted) => {
      if (!r.receivedOn || !issueNoticeIn) return { ref: null };
      // A letter the case cannot fill (no template) does not undo the registration: it is
      // refused before it writes anything, and the registration commits. Anything else (the
      // database) fails the call, which is retried as a whole.
      try {
        const ref = await issueNoticeIn(
          m,
          {
            applicationId: input.applicationId,
            kind: 'receipt',
            letterKind: 'registration-receipt',
            issueKey: 'registration',
            issuedOn: today,
            issuedBy: input.submittedBy.username,
            fields: r.dueOn ? { dueOn: r.dueOn } : {},
          },
          inserted,
        );
        return { ref };
      } catch (err) {
        if (!(err instanceof ApplicationFailure && err.type === 'NoticeRejected')) throw err;
        return { ref: null, error: err.message };
      }
    });
    const { fromYear, toYear } = calendarYearsFor([shanghaiDate(input.arrivedAt), registration.receivedOn ?? today, today]);
    return {
      registration,
      calendar: calendar.calendarYears({ fromYear, toYear }),
      fromYear,
      toYear,
      receipt: receipt.ref,
      ...(receipt.error ? { receiptError: receipt.error } : {}),
    };
  }

  return { registerApplication, registerCase };
}

function toResult(row: LookupRow): RegistrationResult {
  return {
    id: row.id as string,
    registrationNumber: row.registration_number as string,
    regime: row.regime as RegistrationResult['regime'],
    receivedOn: row.received_on,
    dueOn: row.due_on,
    status: row.status as RegistrationResult['status'],
  };
}

export type RegistrationActivities = ReturnType<typeof createRegistrationActivities>;
