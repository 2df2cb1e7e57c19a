import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Idempotency keys belong to the user who sent them and to the route they were sent to:
// the same key and body again gives the same result, the same key with another body is
// refused, and one user's key never finds another user's case.
export class IdempotencyKeys1764289500000 implements MigrationInterface {
  name = 'IdempotencyKeys1764289500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL CONSTRAINT fk_idempotency_keys_user REFERENCES users(id),
        route text NOT NULL,
        key text NOT NULL,
        body_hash text NOT NULL,
        result_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, route, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
