import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The day a reply was dispatched (送达 as record-delivery records it: in person signed, post handed
// to the postal service, electronic sent), projected from the workflow's state: a reply is on time
// when it is issued and dispatched by the due day (legal-rules.md section 7), and the statistics
// show the day they judged. Cases delivered before this column have it NULL (their lateness was
// judged on the issue day, as their workflows still do).
export class DispatchedOn1764290200000 implements MigrationInterface {
  name = 'DispatchedOn1764290200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN dispatched_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN dispatched_on`);
  }
}
