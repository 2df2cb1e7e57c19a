import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
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
import { appendEventCtes } from '../libs/persistence/case-event.repository';
import { isConnectionLost, releaseRunner } from '../libs/persistence/connection-lost';
import { preparedQuery } from '../libs/persistence/prepared-query';
import { serialNumberStandIn, SqlParams, standInText, type StandIn } from '../libs/persistence/sql-params';
import { shanghaiDate } from '../libs/time/shanghai';
import type { CalendarSnapshot, DeadlineCalculator } from './deadline-calculator';
import type { CaseRow, NoticeWriter, PreparedNotice } from './notice.activities';

export interface RegistrationDeps {
  ds: DataSource;
  deadlines: DeadlineCalculator;
  /** Renders and stores the registration receipt with the registration (notice.activities); without it none is issued here. */
  letters?: NoticeWriter;
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
 * Registers one application in PostgreSQL: number, applicant, receipt day,
 * regime and due day, plus the first audit event. Idempotent by application id,
 * so a retried activity returns the registration it already made.
 */
export function createRegistrationActivities({ ds, deadlines, letters }: RegistrationDeps) {
  async function registerApplication(input: ApplicationWorkflowInput): Promise<RegistrationResult> {
    return (await register(input, false)).registration;
  }

  /**
   * Registers in two statements on one connection, without a transaction around them: the
   * look-up, then for a new case one statement that takes the office's next number and stores
   * the applicant, the application, its receipt letter (`withReceipt`; rendered beforehand, with
   * a stand-in for the number) and its first audit event, all or nothing. A retry that finds the
   * case registered answers with that registration and the receipt stored with it. Answers with
   * the calendar of the version the look-up read, for the workflow's years.
   */
  async function register(
    input: ApplicationWorkflowInput,
    withReceipt: boolean,
  ): Promise<{ registration: RegistrationResult; calendar: CalendarSnapshot; receipt: NoticeRef | null; receiptError?: string }> {
    const { submission } = input;
    const awaitsConfirmation = CONFIRMATION_CHANNELS.includes(submission.channel) && !submission.receivedOn;
    const receivedOn = awaitsConfirmation ? null : (submission.receivedOn ?? shanghaiDate(input.arrivedAt));
    const status = awaitsConfirmation ? 'awaiting_confirmation' : 'registered';
    const receiptFor = (r: RegistrationResult): IssueNoticeInput => ({
      applicationId: input.applicationId,
      kind: 'receipt',
      letterKind: 'registration-receipt',
      issueKey: 'registration',
      issuedOn: shanghaiDate(Date.now()),
      issuedBy: input.submittedBy.username,
      fields: r.dueOn ? { dueOn: r.dueOn } : {},
    });
    // A receipt the case cannot fill (no template) does not undo the registration: it is refused
    // before anything is written and the registration stands without it. Anything else (the
    // database) fails the call, which is retried as a whole.
    const refused = (err: unknown): string => {
      if (err instanceof ApplicationFailure && err.type === 'NoticeRejected') return err.message;
      throw err;
    };
    const runner = ds.createQueryRunner();
    let lost: Error | undefined;
    try {
      const m = runner.manager;
      const [row] = await preparedQuery<LookupRow>(m, 'registration-lookup', LOOKUP, [input.applicationId, input.officeCode]);
      // The calendar of the version just read: cached per version, so this is pure computation
      // unless an administrator has just loaded a new arrangement.
      const calendar = await deadlines.snapshot(row.calendar_version ?? 'empty', m);
      if (row.id) {
        const registration = toResult(row);
        if (!withReceipt || !letters || !registration.receivedOn) return { registration, calendar, receipt: null };
        try {
          const receipt = await m.transaction((t) => letters.issueIn(t, receiptFor(registration)));
          return { registration, calendar, receipt };
        } catch (err) {
          return { registration, calendar, receipt: null, receiptError: refused(err) };
        }
      }
      if (!row.office_id) throw reject(`office ${input.officeCode} does not exist`);
      const deadline = receivedOn ? calendar.compute({ receivedOn }) : null;
      const year = Number(shanghaiDate(input.arrivedAt).slice(0, 4));
      const a = submission.applicant;
      const r = submission.request;

      // The number is <prefix>-<year>-<serial, at least 5 digits> from the office's counter for
      // the year; the receipt and the audit event hold a stand-in for it until the statement runs.
      const head = `${row.registration_prefix}-${year}-`;
      const numberStandIn = standInText();
      const registration: RegistrationResult = {
        id: input.applicationId,
        registrationNumber: numberStandIn,
        regime: deadline?.regime ?? null,
        receivedOn,
        dueOn: deadline?.dueOn ?? null,
        status,
      };
      let receipt: PreparedNotice | undefined;
      let receiptError: string | undefined;
      if (withReceipt && letters && deadline) {
        const c: CaseRow = {
          office_id: row.office_id,
          office_name: row.office_name,
          notice_prefix: row.notice_prefix,
          reconsideration_organ: row.reconsideration_organ,
          office_address: row.office_address,
          office_postcode: row.office_postcode,
          office_phone: row.office_phone,
          office_contact_person: row.office_contact_person,
          office_court: row.office_court,
          registration_number: numberStandIn,
          received_on: receivedOn,
          regime: deadline.regime,
          due_on: deadline.dueOn,
          channel: submission.channel,
          description: r.description,
          applicant_name: a.name,
          applicant_type: a.type,
        };
        try {
          receipt = await letters.prepare(m, receiptFor(registration), c, row[`receipt_template_${deadline.regime}`] ?? null);
        } catch (err) {
          receiptError = refused(err);
        }
      }
      const p = new SqlParams();
      const { ctes, number } = applicationCtes(p, {
        input,
        officeId: row.office_id,
        year,
        head,
        standIn: numberStandIn,
        registration,
        inHtml: receipt !== undefined,
      });
      const event = appendEventCtes(
        p,
        {
          applicationId: input.applicationId,
          seq: 1,
          type: 'registered',
          actor: input.submittedBy.username,
          actorRole: input.submittedBy.role,
          occurredAt: input.arrivedAt,
          payload: {
            registrationNumber: numberStandIn,
            channel: submission.channel,
            receivedOn,
            regime: deadline?.regime ?? null,
            dueOn: deadline?.dueOn ?? null,
            provisional: deadline?.provisional ?? null,
            calendarVersion: deadline?.calendarVersion ?? null,
          },
        },
        // The audit chain's head is locked last, as in every other transaction that takes the counters.
        { after: `EXISTS (SELECT 1 FROM application)${receipt ? ' AND EXISTS (SELECT 1 FROM notice)' : ''}`, standIns: [number] },
      );
      const statement =
        receipt && letters
          ? `WITH ${ctes}, ${letters.insertCtes(p, receipt, [number])}, ${event}
           SELECT application.registration_number, notice.id AS notice_id, notice.number AS notice_number, notice.content_hash
           FROM application, notice`
          : `WITH ${ctes}, ${event}
           SELECT application.registration_number, NULL AS notice_id, NULL AS notice_number, NULL AS content_hash FROM application`;
      const [w] = await preparedQuery<{
        registration_number: string;
        notice_id: string | null;
        notice_number: string | null;
        content_hash: string | null;
      }>(m, receipt ? 'registration-write-receipt' : 'registration-write', statement, p.values);
      return {
        registration: { ...registration, registrationNumber: w.registration_number },
        calendar,
        receipt: w.notice_id ? { id: w.notice_id, kind: 'receipt', number: w.notice_number!, contentHash: w.content_hash! } : null,
        ...(receiptError !== undefined ? { receiptError } : {}),
      };
    } catch (err) {
      lost = err instanceof Error && isConnectionLost(err) ? err : undefined;
      return rejectDataError(err);
    } finally {
      await releaseRunner(runner, lost);
    }
  }

  /**
   * Registration plus the calendar years the case needs, in one call: the workflow
   * runs it as a local activity, so a new case is registered and ready for its first
   * step within its first workflow task (the API's registration round trip).
   */
  async function registerCase(input: ApplicationWorkflowInput): Promise<CaseRegistration> {
    const today = shanghaiDate(Date.now());
    const { registration, calendar, receipt, receiptError } = await register(input, true);
    const { fromYear, toYear } = calendarYearsFor([shanghaiDate(input.arrivedAt), registration.receivedOn ?? today, today]);
    return {
      registration,
      calendar: calendar.calendarYears({ fromYear, toYear }),
      fromYear,
      toYear,
      receipt,
      ...(receiptError !== undefined ? { receiptError } : {}),
    };
  }

  return { registerApplication, registerCase };
}

/**
 * CTEs that number and store a new application: `registration_counter` takes the office's next
 * serial for the year, `registration` makes the number <prefix>-<year>-<serial, at least 5
 * digits> (`head` is <prefix>-<year>-), `applicant` and `application` store the submission.
 * Returns them with the stand-in for the number that texts rendered beforehand hold
 * (`inHtml`: one of them is HTML).
 */
function applicationCtes(
  p: SqlParams,
  x: {
    input: ApplicationWorkflowInput;
    officeId: string;
    year: number;
    head: string;
    standIn: string;
    registration: RegistrationResult;
    inHtml: boolean;
  },
): { ctes: string; number: StandIn } {
  const { input, registration } = x;
  const { submission } = input;
  const a = submission.applicant;
  const r = submission.request;
  const number = serialNumberStandIn(p, {
    standIn: x.standIn,
    from: 'registration',
    serial: 'registration.serial',
    head: x.head,
    forms: x.inHtml ? ['html', 'json'] : ['json'],
  });
  const office = p.add(x.officeId, 'uuid');
  const year = p.add(x.year, 'integer');
  const ctes = `
  registration_counter AS (
    INSERT INTO registration_counters (office_id, year, last_seq) VALUES (${office}, ${year}, 1)
    ON CONFLICT (office_id, year) DO UPDATE SET last_seq = registration_counters.last_seq + 1
    RETURNING last_seq),
  registration AS (
    SELECT last_seq, s.serial
    FROM registration_counter,
         LATERAL (SELECT CASE WHEN last_seq < 100000 THEN lpad(last_seq::text, 5, '0') ELSE last_seq::text END AS serial) s),
  applicant AS (
    INSERT INTO applicants (id, type, category, name, id_number, phone, email, address)
    VALUES (gen_random_uuid(), ${p.add(a.type, 'text')}, ${p.add(a.category ?? null, 'text')}, ${p.add(a.name, 'text')},
            ${p.add(a.idNumber ?? null, 'text')}, ${p.add(a.contact.phone ?? null, 'text')}, ${p.add(a.contact.email ?? null, 'text')},
            ${p.add(a.contact.address ?? null, 'text')})
    RETURNING id),
  application AS (
    INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year,
      registration_seq, channel, arrived_at, received_on, regime, due_on, status, description, document_number,
      requested_form, requested_delivery, created_by)
    SELECT ${p.add(input.applicationId, 'uuid')}, ${office}, applicant.id, ${p.add(workflowIdFor(input.applicationId), 'text')},
           ${number.plain}, ${year}, registration.last_seq, ${p.add(submission.channel, 'text')},
           ${p.add(input.arrivedAt, 'timestamptz')}, ${p.add(registration.receivedOn, 'date')}, ${p.add(registration.regime, 'text')},
           ${p.add(registration.dueOn, 'date')}, ${p.add(registration.status, 'text')}, ${p.add(r.description, 'text')},
           ${p.add(r.documentNumber ?? null, 'text')}, ${p.add(r.form ?? null, 'text')}, ${p.add(r.delivery ?? null, 'text')},
           ${p.add(input.submittedBy.username, 'text')}
    FROM registration, applicant
    RETURNING registration_number)`;
  return { ctes, number };
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
