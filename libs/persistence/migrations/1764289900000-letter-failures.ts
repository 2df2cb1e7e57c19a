import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A letter of the case failed and waits for a supervisor's reissue-notice (libs/case StepFacts
// letterFailed): the inbox and the steps list ask the same rule on this column.
export class LetterFailures1764289900000 implements MigrationInterface {
  name = 'LetterFailures1764289900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN letter_failed boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN letter_failed`);
  }
}
