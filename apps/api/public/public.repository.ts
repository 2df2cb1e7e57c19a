import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APPLICANT_LETTERS } from '../../../libs/messages/message-triggers';
import { DATA_SOURCE } from '../common/tokens';

export interface TrackedRow {
  applicationId: string;
  phoneHmac: Buffer;
  phoneMasked: string;
  submittedAt: Date;
  /** null when the registration never completed */
  status: string | null;
  registrationNumber: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  clockPausedFor: string | null;
  extended: boolean;
  closed: boolean;
}

export interface PublicLetterRow {
  id: string;
  kind: string;
  letterKind: string;
  number: string;
  title: string;
  issuedAt: Date;
}

/** Queries of the public portal (issue 19). */
@Injectable()
export class PublicRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Records an online submission's query code and phone fingerprint; false when the code is taken (draw another). */
  /**
   * Records a submission; false when its code is taken (draw another) or, for a retried keyed
   * submission, when its application is already recorded (see submittedAt).
   */
  async insertSubmission(x: { applicationId: string; codeHash: Buffer; phoneHmac: Buffer; phoneMasked: string }): Promise<boolean> {
    const rows = await this.ds.query(
      `INSERT INTO public_submissions (application_id, code_hash, phone_hmac, phone_masked) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING application_id`,
      [x.applicationId, x.codeHash, x.phoneHmac, x.phoneMasked],
    );
    return rows.length > 0;
  }

  /** When the submission of an application was recorded, or null when there is none. */
  async submittedAt(applicationId: string): Promise<Date | null> {
    const [r] = await this.ds.query('SELECT submitted_at FROM public_submissions WHERE application_id = $1', [applicationId]);
    return r ? (r.submitted_at as Date) : null;
  }

  /** The submission of a query code with its case, in one read (the same work whether or not it exists). */
  async findByCode(codeHash: Buffer): Promise<TrackedRow | null> {
    const [r] = await this.ds.query(
      `SELECT s.application_id, s.phone_hmac, s.phone_masked, s.submitted_at, a.status, a.registration_number,
              to_char(a.received_on, 'YYYY-MM-DD') AS received_on, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
              a.clock_paused_for, a.closed_at IS NOT NULL AS closed,
              EXISTS (SELECT 1 FROM notices n WHERE n.application_id = s.application_id AND n.letter_kind = 'extension-notice') AS extended
       FROM public_submissions s LEFT JOIN applications a ON a.id = s.application_id
       WHERE s.code_hash = $1`,
      [codeHash],
    );
    if (!r) return null;
    return {
      applicationId: r.application_id,
      phoneHmac: r.phone_hmac,
      phoneMasked: r.phone_masked,
      submittedAt: r.submitted_at,
      status: r.status,
      registrationNumber: r.registration_number,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      clockPausedFor: r.clock_paused_for,
      extended: r.extended,
      closed: r.closed,
    };
  }

  /** The letters addressed to the applicant (not the consultation letters to third parties). */
  async letters(applicationId: string): Promise<PublicLetterRow[]> {
    const rows = await this.ds.query(
      `SELECT id, kind, letter_kind, number, rendered->>'title' AS title, issued_at FROM notices
       WHERE application_id = $1 AND kind = ANY($2::text[]) ORDER BY issued_at, number_seq`,
      [applicationId, APPLICANT_LETTERS],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      kind: r.kind as string,
      letterKind: r.letter_kind as string,
      number: r.number as string,
      title: (r.title as string | null) ?? '',
      issuedAt: r.issued_at as Date,
    }));
  }

  /** Whether a notice is one of the applicant's letters of that application. */
  async isApplicantLetter(noticeId: string, applicationId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM notices WHERE id = $1 AND application_id = $2 AND kind = ANY($3::text[])`, [
      noticeId,
      applicationId,
      APPLICANT_LETTERS,
    ]);
    return rows.length > 0;
  }

  /**
   * Counts one hit of `key` in the current fixed window (shared by every API instance); answers
   * the hits so far and when the window ends. Old windows are swept now and then.
   */
  async hit(key: string, windowSeconds: number): Promise<{ hits: number; resetAt: Date }> {
    const [r] = await this.ds.query(
      `INSERT INTO public_rate_counters (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT ON CONSTRAINT pk_public_rate_counters DO UPDATE SET hits = public_rate_counters.hits + 1
       RETURNING hits, window_start + make_interval(secs => $2) AS reset_at`,
      [key, windowSeconds],
    );
    if (Math.random() < 0.01) {
      await this.ds.query(`DELETE FROM public_rate_counters WHERE window_start < now() - make_interval(secs => $1 * 2)`, [windowSeconds]);
    }
    return { hits: Number(r.hits), resetAt: r.reset_at };
  }

  /** Spends a challenge: false when it was spent before (single use). */
  async spendChallenge(id: string, expiresAt: Date): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH sweep AS (DELETE FROM public_challenges_spent WHERE expires_at < now() - interval '1 minute')
       INSERT INTO public_challenges_spent (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, expiresAt],
    );
    return rows.length > 0;
  }
}
