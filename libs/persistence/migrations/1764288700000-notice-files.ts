import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A letter is issued as its rendered text and printable HTML (content_hash is the SHA-256
// of that HTML) together with the office's letterhead as it stood that day. The DOCX is
// made from those on its first download and then kept, with its own hash, so issuing a
// letter costs no document packaging and every later download returns the same bytes.
// Letters issued before this migration keep their DOCX; their content_hash stays the DOCX's.
export class NoticeFiles1764288700000 implements MigrationInterface {
  name = 'NoticeFiles1764288700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notices ALTER COLUMN docx DROP NOT NULL`);
    await q.query(`ALTER TABLE notices ADD COLUMN office_profile jsonb, ADD COLUMN docx_hash text, ADD COLUMN hash_of text`);
    await q.query(`UPDATE notices SET docx_hash = content_hash, hash_of = 'docx'`);
    await q.query(`ALTER TABLE notices ALTER COLUMN hash_of SET NOT NULL, ALTER COLUMN hash_of SET DEFAULT 'html'`);
    await q.query(`ALTER TABLE notices ADD CONSTRAINT ck_notices_hash_of CHECK (hash_of IN ('docx', 'html'))`);
    await q.query(`ALTER TABLE notices ADD CONSTRAINT ck_notices_docx_source CHECK (docx IS NOT NULL OR office_profile IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notices WHERE docx IS NULL`);
    await q.query(`ALTER TABLE notices DROP CONSTRAINT ck_notices_docx_source, DROP CONSTRAINT ck_notices_hash_of`);
    await q.query(`ALTER TABLE notices DROP COLUMN hash_of, DROP COLUMN docx_hash, DROP COLUMN office_profile`);
    await q.query(`ALTER TABLE notices ALTER COLUMN docx SET NOT NULL`);
  }
}
