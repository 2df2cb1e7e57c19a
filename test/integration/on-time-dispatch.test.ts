import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SupervisionService } from '../../apps/api/supervision/supervision.service';
import { SupervisionRepository } from '../../apps/api/supervision/supervision.repository';
import { ReportsRepository } from '../../apps/api/reports/reports.repository';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

// legal-rules.md section 7: a reply is on time when it is issued and dispatched by the due day.
describe('on-time statistics against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let office = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    [{ id: office }] = await ds.query(`SELECT id FROM offices WHERE code = 'LINYI'`);
    // Each issued on 2025-03-10, due 2025-03-14 (as the workflow projects them):
    // 1 posted on the due day; 2 posted after it (judged late at record-delivery); 3 never dispatched.
    const cases: [number, string, string | null, number][] = [
      [1, 'closed', '2025-03-14', 0],
      [2, 'closed', '2025-03-18', 2],
      [3, 'notice_issued', null, 0],
    ];
    for (const [seq, status, dispatchedOn, late] of cases) {
      const [{ id: applicant }] = await ds.query(
        `INSERT INTO applicants (id, type, name) VALUES (gen_random_uuid(), 'natural_person', $1) RETURNING id`,
        [`申请人${seq}`],
      );
      await ds.query(
        `INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
           channel, arrived_at, received_on, regime, due_on, status, description, created_by, department_code, answered_on,
           working_days_late, dispatched_on)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 2025, $5, 'in_person', now(), '2025-02-14', '2019', '2025-03-14', $6, '申请公开',
           'test', 'OGI', '2025-03-10', $7, $8::date)`,
        [office, applicant, `wf-${seq}`, `LYZF-2025-0000${seq}`, seq, status, late, dispatchedOn],
      );
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('counts a reply on time only when it was issued and dispatched by the due day', async () => {
    const stats = await new SupervisionService(ds, new SupervisionRepository(ds), new ReportsRepository(ds)).stats(
      { id: randomUUID(), username: 'supervisor', role: 'supervisor', officeId: office, departmentId: null },
      '2025-01-01',
      '2025-12-31',
    );
    expect(stats.overall).toMatchObject({ answered: 3, onTime: 1 });
  });
});
