import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Every open case by office and due day, answered or not: the inbox (a reply issued still
// waits for its delivery record) and the supervisors' board read only this slice, which stays
// small while closed cases pile up (bench/scale: 14,000 open of 700,000 in an office).
export class OpenCasesIndex1764290000000 implements MigrationInterface {
  name = 'OpenCasesIndex1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_applications_open ON applications (office_id, due_on) WHERE status <> 'closed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_open`);
  }
}
