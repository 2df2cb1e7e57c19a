import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A letter's PDF, like its DOCX, is printed on its first download and then kept with its own
// SHA-256: printing takes headless Chromium one to three seconds, and a letter once handed out
// must be the same bytes at every later download.
export class NoticePdf1764289200000 implements MigrationInterface {
  name = 'NoticePdf1764289200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notices ADD COLUMN pdf bytea, ADD COLUMN pdf_hash text`);
    await q.query(`ALTER TABLE notices ADD CONSTRAINT ck_notices_pdf_hash CHECK ((pdf IS NULL) = (pdf_hash IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notices DROP CONSTRAINT ck_notices_pdf_hash`);
    await q.query(`ALTER TABLE notices DROP COLUMN pdf_hash, DROP COLUMN pdf`);
  }
}
