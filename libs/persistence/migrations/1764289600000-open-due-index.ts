import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Open, unanswered cases by due day: "overdue" is derived from the due day and today
// (apps/api/common/overdue.ts), and the overdue filter, the inbox and the supervisors'
// board all read this slice of the table, which stays small while closed cases pile up.
export class OpenDueIndex1764289600000 implements MigrationInterface {
  name = 'OpenDueIndex1764289600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_applications_open_due ON applications (office_id, due_on) WHERE answered_on IS NULL AND status <> 'closed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_open_due`);
  }
}
