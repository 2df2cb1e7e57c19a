import type { DataSource } from 'typeorm';
import { buildAnnualReport } from '../../apps/api/reports/annual-report';
import { ReportsRepository } from '../../apps/api/reports/reports.repository';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

// legal-rules.md section 9: a case counts in 三 in the year its reply or closing letter was
// issued, whatever the day its delivery was recorded (and the case closed).
describe('annual report cases against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let office = '';

  const addCase = async (
    seq: number,
    row: { answeredOn?: string; status: string; outcome?: string; closedAt?: string; replyKind?: string },
  ) => {
    const [{ id: applicant }] = await ds.query(
      `INSERT INTO applicants (id, type, name) VALUES (gen_random_uuid(), 'natural_person', $1) RETURNING id`,
      [`申请人${seq}`],
    );
    const [{ id }] = await ds.query(
      `INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
         channel, arrived_at, received_on, regime, due_on, status, description, created_by, answered_on, outcome, closed_at, reply_kind)
       VALUES (gen_random_uuid(), $1, $2, $10, $3, 2025, $4, 'in_person', '2025-12-01T02:00:00Z', '2025-12-01', '2019',
         '2025-12-31', $5, '申请公开', 'test', $6::date, $7, $8::timestamptz, $9)
       RETURNING id`,
      [
        office,
        applicant,
        `LYZF-2025-${String(seq).padStart(5, '0')}`,
        seq,
        row.status,
        row.answeredOn ?? null,
        row.outcome ?? null,
        row.closedAt ?? null,
        row.replyKind ?? null,
        `wf-${seq}`,
      ],
    );
    return id as string;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    [{ id: office }] = await ds.query(`SELECT id FROM offices WHERE code = 'LINYI'`);
    // Replied on 30 December; delivery recorded, and the case closed, on 5 January.
    await addCase(1, {
      answeredOn: '2025-12-30',
      status: 'closed',
      outcome: 'replied',
      closedAt: '2026-01-05T02:00:00Z',
      replyKind: 'disclose',
    });
    // Replied on 31 December; delivery not recorded yet.
    await addCase(2, { answeredOn: '2025-12-31', status: 'notice_issued', replyKind: 'publication' });
    // Withdrawn: its confirmation letter dated 31 December, the case closed (recorded) on 2 January.
    const withdrawn = await addCase(3, { status: 'closed', outcome: 'withdrawn', closedAt: '2026-01-02T02:00:00Z' });
    await ds.query(
      `INSERT INTO notices (id, application_id, office_id, kind, letter_kind, issue_key, number, number_year, number_seq, template_id,
         template_version, regime, notice_date, rendered, html, docx, content_hash, created_by)
       VALUES (gen_random_uuid(), $1, $2, 'withdrawal', 'withdrawal-confirmation', 'withdrawal', 'N-1', 2025, 1, 'builtin', 1, '2019',
         '2025-12-31', '{}'::jsonb, '<p></p>', ''::bytea, 'x', 'test')`,
      [withdrawn, office],
    );
    // Still open at the end of the year: carried over.
    await addCase(4, { status: 'searching' });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const value = (r: ReturnType<typeof buildAnnualReport>, key: string) => r.rows.find((x) => x.key === key)!.values[6];
  const report = async (year: number) => {
    const repo = new ReportsRepository(ds);
    return buildAnnualReport(year, { code: 'LINYI', name: 'x' }, await repo.cases(office, year), []);
  };

  it('counts replies and closing letters in the year they were issued', async () => {
    const r2025 = await report(2025);
    expect(['一', '三.一', '三.五.3', '三.六.3', '三.七', '四'].map((k) => value(r2025, k))).toEqual([4, 1, 1, 1, 3, 1]);
    expect(r2025.balanced).toBe(true);
    const r2026 = await report(2026);
    expect(['二', '三.七', '四'].map((k) => value(r2026, k))).toEqual([1, 0, 1]);
  });
});
