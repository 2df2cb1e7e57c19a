import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Administrative reconsideration (行政复议) and litigation (行政诉讼) against the office's handling
// of a case, with their outcome once decided: the annual report's section 四 counts them
// (legal-rules.md section 9). A litigation is filed directly or after reconsideration; an
// outcome is upheld (结果维持), corrected (结果纠正) or other (其他结果); NULL while pending (尚未审结).
export class Remedies1764288600000 implements MigrationInterface {
  name = 'Remedies1764288600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remedies (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_remedies_application REFERENCES applications(id),
        kind text NOT NULL,
        route text,
        filed_on date NOT NULL,
        organ text NOT NULL,
        case_number text,
        outcome text,
        outcome_on date,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        updated_at timestamptz,
        CONSTRAINT ck_remedies_kind CHECK (kind IN ('reconsideration', 'litigation')),
        CONSTRAINT ck_remedies_route CHECK (
          (kind = 'reconsideration' AND route IS NULL) OR
          (kind = 'litigation' AND route IN ('direct', 'after-reconsideration'))),
        CONSTRAINT ck_remedies_outcome CHECK (outcome IS NULL OR outcome IN ('upheld', 'corrected', 'other')),
        CONSTRAINT ck_remedies_outcome_on CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
        CONSTRAINT ck_remedies_outcome_after_filing CHECK (outcome_on IS NULL OR outcome_on >= filed_on),
        CONSTRAINT ck_remedies_organ CHECK (length(organ) > 0)
      )`);
    await q.query(`CREATE INDEX ix_remedies_application ON remedies (application_id, filed_on)`);
    // The annual report selects by filing year.
    await q.query(`CREATE INDEX ix_remedies_filed_on ON remedies (filed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE remedies`);
  }
}
