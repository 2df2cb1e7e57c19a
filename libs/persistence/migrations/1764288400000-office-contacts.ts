import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The contact block of the office's letters (address, postcode, phone, contact person) and the
// court named for litigation. All optional: a letter leaves out what the office has not set.
export class OfficeContacts1764288400000 implements MigrationInterface {
  name = 'OfficeContacts1764288400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE offices
        ADD COLUMN address text,
        ADD COLUMN postcode text,
        ADD COLUMN phone text,
        ADD COLUMN contact_person text,
        ADD COLUMN court text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE offices DROP COLUMN court, DROP COLUMN contact_person, DROP COLUMN phone, DROP COLUMN postcode, DROP COLUMN address`,
    );
  }
}
