import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BOARD_ITEMS, SupervisionService } from '../../apps/api/supervision/supervision.service';
import { SupervisionRepository } from '../../apps/api/supervision/supervision.repository';
import { ReportsRepository } from '../../apps/api/reports/reports.repository';
import { createDataSource } from '../../libs/persistence/data-source';
import { shanghaiDate } from '../../libs/time/shanghai';
import { createTestDatabase } from '../support/services';

// The supervisors' board of a large office: exact counts, and only the most urgent cases listed.
describe('supervision board against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let office = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    [{ id: office }] = await ds.query(`SELECT id FROM offices WHERE code = 'LINYI'`);
    // 250 open cases past their due day (the oldest due first), and one answered on time.
    await ds.query(
      `WITH p AS (
         INSERT INTO applicants (id, type, name) SELECT gen_random_uuid(), 'natural_person', '申请人' || g FROM generate_series(1, 251) g
         RETURNING id, name
       )
       INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
         channel, arrived_at, received_on, regime, due_on, status, description, created_by, department_code, answered_on)
       SELECT gen_random_uuid(), $1, p.id, 'wf-' || p.id, 'LYZF-2026-' || lpad(substr(p.name, 4), 5, '0'), 2026, substr(p.name, 4)::int,
         'in_person', now(), $2::date - 40, '2019', $2::date - 300 + substr(p.name, 4)::int, 'searching', '申请公开', 'test', 'OGI',
         CASE WHEN substr(p.name, 4)::int = 251 THEN $2::date - 60 END
       FROM p`,
      [office, shanghaiDate(Date.now())],
    );
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it(`counts every overdue case and lists the ${BOARD_ITEMS} most urgent`, async () => {
    const board = await new SupervisionService(ds, new SupervisionRepository(ds), new ReportsRepository(ds)).board(
      { id: randomUUID(), username: 'supervisor', role: 'supervisor', officeId: office, departmentId: null },
      undefined,
    );
    expect(board.overdue.count).toBe(250);
    expect(board.overdue.byDepartment).toEqual([{ department: 'OGI', count: 250 }]);
    expect(board.overdue.items).toHaveLength(BOARD_ITEMS);
    const due = board.overdue.items.map((i) => i.dueOn!);
    expect(due).toEqual([...due].sort());
    expect(board.overdue.items[0].registrationNumber).toBe('LYZF-2026-00001');
  });
});
