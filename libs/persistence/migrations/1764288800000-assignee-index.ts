import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Cases by the user who holds them: the applications list's assignee filter, and the count of
// open cases an administrator sees beside each user (before deactivating one, for instance).
export class AssigneeIndex1764288800000 implements MigrationInterface {
  name = 'AssigneeIndex1764288800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_applications_assignee ON applications (assignee, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_applications_assignee`);
  }
}
