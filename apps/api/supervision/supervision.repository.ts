import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../common/tokens';
import { overdueSql } from '../common/overdue';

/** The facts of a case the board shows. */
export interface BoardCaseFacts {
  id: string;
  registrationNumber: string;
  status: string;
  dueOn: string | null;
  department: string | null;
  assignee: string | null;
}

/** An open case the supervisors' board may list. */
export interface BoardRow extends BoardCaseFacts {
  overdue: boolean;
  /** not yet answered and overdue or due by the board's horizon (a case waiting for a correction has no due day in force) */
  onBoard: boolean;
  /** held by a user whose account has been deactivated or removed */
  heldByDeactivated: boolean;
}

/** An active clerk a supervisor can give cases to. */
export interface ClerkLoad {
  username: string;
  displayName: string;
  /** department code; null: a clerk of the office without a department (cannot be assigned cases) */
  department: string | null;
  departmentName: string | null;
  openCases: number;
}

/** A case answered in a period, for the on-time statistics. */
export interface AnsweredRow {
  receivedOn: string;
  answeredOn: string;
  dueOn: string;
  workingDaysLate: number | null;
  department: string | null;
  /** the day the reply was dispatched (record-delivery); null before, and for cases delivered before the column */
  dispatchedOn: string | null;
  /** issued, its delivery not recorded yet */
  awaitingDispatch: boolean;
}

@Injectable()
export class SupervisionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /**
   * In one read: open cases not yet answered that are overdue or due by `until` (onBoard), and
   * open cases whose assignee's account has been deactivated or removed (heldByDeactivated):
   * nobody works on those until a supervisor reassigns them, whatever their due day.
   */
  async boardRows(officeId: string, until: string, today: string): Promise<BoardRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM (
         SELECT a.id, a.registration_number, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.department_code, a.assignee,
                ${overdueSql('$3')} AS overdue, a.due_on AS due_date,
                COALESCE(a.answered_on IS NULL AND a.status <> 'correction_requested' AND a.due_on IS NOT NULL AND a.due_on <= $2::date, false) AS on_board,
                a.assignee IS NOT NULL AND (u.id IS NULL OR NOT u.active) AS held_by_deactivated
         FROM applications a LEFT JOIN users u ON u.username = a.assignee
         WHERE a.office_id = $1 AND a.status <> 'closed'
       ) c
       WHERE on_board OR held_by_deactivated
       ORDER BY due_date NULLS LAST, registration_number`,
      [officeId, until, today],
    );
    return rows.map((r) => ({
      id: r.id as string,
      registrationNumber: r.registration_number as string,
      status: r.status as string,
      dueOn: r.due_on as string | null,
      department: r.department_code as string | null,
      assignee: r.assignee as string | null,
      overdue: r.overdue as boolean,
      onBoard: r.on_board as boolean,
      heldByDeactivated: r.held_by_deactivated as boolean,
    }));
  }

  /** The office's active clerks with their department and how many open cases each holds, for assigning work. */
  async activeClerks(officeId: string): Promise<ClerkLoad[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT u.username, u.display_name, d.code AS department, d.name AS department_name,
              (SELECT count(*)::int FROM applications a WHERE a.assignee = u.username AND a.status <> 'closed') AS open_cases
       FROM users u LEFT JOIN departments d ON d.id = u.department_id
       WHERE u.office_id = $1 AND u.role = 'clerk' AND u.active
       ORDER BY d.code NULLS LAST, u.username`,
      [officeId],
    );
    return rows.map((r) => ({
      username: r.username as string,
      displayName: r.display_name as string,
      department: r.department as string | null,
      departmentName: r.department_name as string | null,
      openCases: r.open_cases as number,
    }));
  }

  /** The office's cases answered in [from, to] that have a receipt day. */
  async answeredRows(officeId: string, from: string, to: string, department?: string): Promise<AnsweredRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT to_char(a.received_on, 'YYYY-MM-DD') AS received_on, to_char(a.answered_on, 'YYYY-MM-DD') AS answered_on,
              to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.working_days_late, a.department_code,
              to_char(a.dispatched_on, 'YYYY-MM-DD') AS dispatched_on, a.status = 'notice_issued' AS awaiting_dispatch
       FROM applications a
       WHERE a.office_id = $1 AND a.answered_on BETWEEN $2::date AND $3::date AND a.received_on IS NOT NULL
         AND ($4::text IS NULL OR a.department_code = $4)`,
      [officeId, from, to, department ?? null],
    );
    return rows.map((r) => ({
      receivedOn: r.received_on as string,
      answeredOn: r.answered_on as string,
      dueOn: r.due_on as string,
      workingDaysLate: r.working_days_late as number | null,
      department: r.department_code as string | null,
      dispatchedOn: r.dispatched_on as string | null,
      awaitingDispatch: r.awaiting_dispatch as boolean,
    }));
  }

  /** Who handles a case for a supervisor's reminder: its assignee, or else its department's clerks. */
  async handler(id: string): Promise<{ registrationNumber: string; assignee: string | null; dueOn: string | null } | undefined> {
    const [r]: Record<string, unknown>[] = await this.ds.query(
      `SELECT registration_number, assignee, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM applications WHERE id = $1`,
      [id],
    );
    return (
      r && { registrationNumber: r.registration_number as string, assignee: r.assignee as string | null, dueOn: r.due_on as string | null }
    );
  }

  /**
   * A supervisor's reminder (督办) to the handler of a case, once per (case, key): a retried request
   * with the same key writes nothing new. Returns whether a row was written.
   */
  async remind(n: {
    applicationId: string;
    key: string;
    recipientUsername: string | null;
    message: string;
    dueOn: string | null;
    sentBy: string;
  }): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO notifications (application_id, key, kind, recipient_username, recipient_role, message, due_on, sent_by)
       VALUES ($1, $2, 'supervision', $3, CASE WHEN $3::text IS NULL THEN 'clerk' END, $4, $5::date, $6)
       ON CONFLICT ON CONSTRAINT uq_notifications_application_key DO NOTHING RETURNING id`,
      [n.applicationId, n.key, n.recipientUsername, n.message, n.dueOn, n.sentBy],
    );
    return rows.length > 0;
  }

  /** Applications received in [from, to] per month (YYYY-MM), of one department when given. */
  async receivedByMonth(officeId: string, from: string, to: string, department?: string): Promise<{ month: string; received: number }[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT to_char(a.received_on, 'YYYY-MM') AS month, count(*)::int AS received
       FROM applications a
       WHERE a.office_id = $1 AND a.received_on BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR a.department_code = $4)
       GROUP BY 1 ORDER BY 1`,
      [officeId, from, to, department ?? null],
    );
    return rows.map((r) => ({ month: r.month as string, received: r.received as number }));
  }

  /** The receipt day of every open case (null: receipt not confirmed yet), of one department when given. */
  async openReceipts(officeId: string, department?: string): Promise<(string | null)[]> {
    const rows: { received_on: string | null }[] = await this.ds.query(
      `SELECT to_char(a.received_on, 'YYYY-MM-DD') AS received_on FROM applications a
       WHERE a.office_id = $1 AND a.status <> 'closed' AND ($2::text IS NULL OR a.department_code = $2)`,
      [officeId, department ?? null],
    );
    return rows.map((r) => r.received_on);
  }
}
