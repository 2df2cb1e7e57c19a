import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Case search (GET /api/applications?q=): exact registration and notice numbers through
// b-tree indexes, Chinese substrings of the applicant's name and of the request through GIN
// indexes of character bigrams. pg_trgm is not used: under the C locale the project's
// databases are created with, it treats CJK characters as non-word characters and extracts
// no trigram at all (show_trgm('征收补偿方案') is empty), and it needs three characters
// where Chinese words are mostly two. Bigrams behave the same under every locale.
// search_bigrams('征收补偿') = {征收,收补,补偿} (lower case, duplicates kept: GIN drops them);
// it splits into characters once (substr(t, i, 2) would make it quadratic in the length).
// It must stay IMMUTABLE and unchanged: the indexes hold its results.
export class CaseSearch1764289100000 implements MigrationInterface {
  name = 'CaseSearch1764289100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_bigrams(t text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
        SELECT coalesce(array_agg(g), '{}')
        FROM (SELECT c || lead(c) OVER (ORDER BY n) AS g FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS u(c, n)) x
        WHERE g IS NOT NULL
      $$`);
    await q.query(`CREATE INDEX ix_applications_description_bigrams ON applications USING gin (search_bigrams(description))`);
    await q.query(`CREATE INDEX ix_applicants_name_bigrams ON applicants USING gin (search_bigrams(name))`);
    // From a matching applicant to their cases.
    await q.query(`CREATE INDEX ix_applications_applicant ON applications (applicant_id)`);
    // Registration numbers already have uq_applications_registration (office_id, registration_number).
    await q.query(`CREATE INDEX ix_notices_number ON notices (office_id, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_notices_number`);
    await q.query(`DROP INDEX ix_applications_applicant`);
    await q.query(`DROP INDEX ix_applicants_name_bigrams`);
    await q.query(`DROP INDEX ix_applications_description_bigrams`);
    await q.query(`DROP FUNCTION search_bigrams(text)`);
  }
}
