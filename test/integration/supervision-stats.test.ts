import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReportsRepository } from '../../apps/api/reports/reports.repository';
import { statsCsv } from '../../apps/api/supervision/stats-csv';
import { SupervisionRepository } from '../../apps/api/supervision/supervision.repository';
import { SupervisionService } from '../../apps/api/supervision/supervision.service';
import { createDataSource } from '../../libs/persistence/data-source';
import { shanghaiDate } from '../../libs/time/shanghai';
import { createTestDatabase } from '../support/services';

// The statistics page's series: received per month, outcomes by the annual report's kinds of
// result (its own mapping), open cases by age; one department's figures on request.
describe('supervision statistics against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let service: SupervisionService;
  let office = '';
  const supervisor = () => ({
    id: randomUUID(),
    username: 'supervisor',
    role: 'supervisor' as const,
    officeId: office,
    departmentId: null,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    [{ id: office }] = await ds.query(`SELECT id FROM offices WHERE code = 'LINYI'`);
    const today = shanghaiDate(Date.now());
    // [seq, department, received, answered, status, outcome, reply kind]
    const cases: [number, string | null, string | null, string | null, string, string | null, string | null][] = [
      [1, 'OGI', '2025-01-06', '2025-01-20', 'closed', 'replied', 'disclose'],
      [2, 'OGI', '2025-02-03', '2025-02-10', 'closed', 'replied', 'partial'],
      [3, 'ENV', '2025-02-04', '2025-03-03', 'closed', 'replied', 'mystery'],
      [4, 'OGI', today, null, 'searching', null, null],
      [5, null, null, null, 'awaiting_confirmation', null, null],
    ];
    for (const [seq, dept, received, answered, status, outcome, kind] of cases) {
      const [{ id: applicant }] = await ds.query(
        `INSERT INTO applicants (id, type, name) VALUES (gen_random_uuid(), 'natural_person', $1) RETURNING id`,
        [`申请人${seq}`],
      );
      await ds.query(
        `INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
           channel, arrived_at, received_on, regime, due_on, status, description, created_by, department_code, answered_on, outcome, reply_kind)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 2025, $5, 'online', now(), $6::date, CASE WHEN $6::date IS NULL THEN NULL ELSE '2019' END,
           $6::date + 28, $7, '申请公开', 'test', $8, $9::date, $10, $11)`,
        [office, applicant, `wf-${seq}`, `LYZF-2025-0000${seq}`, seq, received, status, dept, answered, outcome, kind],
      );
    }
    service = new SupervisionService(ds, new SupervisionRepository(ds), new ReportsRepository(ds));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('counts received per month (every month of the period), outcomes by kind of result, and open cases by age', async () => {
    const s = await service.stats(supervisor(), '2025-01-01', '2025-04-30');
    expect(s.receivedByMonth).toEqual([
      { month: '2025-01', received: 1 },
      { month: '2025-02', received: 2 },
      { month: '2025-03', received: 0 },
      { month: '2025-04', received: 0 },
    ]);
    const outcomes = Object.fromEntries(s.outcomes.map((o) => [o.label, o.count]));
    expect(outcomes).toEqual({ 予以公开: 1, 部分公开: 1, 不予公开: 0, 无法提供: 0, 不予处理: 0, 其他处理: 0, 须人工归类: 1 });
    expect(s.overall.answered).toBe(3);
    const ages = Object.fromEntries(s.openByAge.map((a) => [a.key, a.count]));
    expect(ages).toMatchObject({ unconfirmed: 1, '0-5': 1, '6-10': 0, '41+': 0 });
  });

  it("limits every series to one department's cases", async () => {
    const s = await service.stats(supervisor(), '2025-01-01', '2025-03-31', 'ENV');
    expect(s.department).toBe('ENV');
    expect(s.receivedByMonth.map((m) => m.received)).toEqual([0, 1, 0]);
    expect(s.outcomes.find((o) => o.key === 'unclassified')!.count).toBe(1);
    expect(s.outcomes.filter((o) => o.key !== 'unclassified').every((o) => o.count === 0)).toBe(true);
    expect(s.byDepartment.map((d) => d.department)).toEqual(['ENV']);
    expect(s.openByAge.reduce((n, a) => n + a.count, 0)).toBe(0);
    await expect(service.stats(supervisor(), '2025-01-01', '2025-03-31', "OGI' OR 1=1")).rejects.toThrow(/^department: /);
  });

  it('gives each chart its table as CSV', async () => {
    const s = await service.stats(supervisor(), '2025-01-01', '2025-03-31');
    expect(statsCsv(s, 'received')).toBe('\uFEFF月份,收到申请数\r\n2025-01,1\r\n2025-02,2\r\n2025-03,0\r\n');
    expect(statsCsv(s, 'outcomes').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF年度报告项,处理结果,件数',
      '三.一,予以公开,1',
      '三.二,部分公开,1',
    ]);
    expect(statsCsv(s, 'on-time-by-department').split('\r\n')[0]).toBe('\uFEFF部门,答复件数,按期件数,按期率,平均用时（工作日）');
  });

  it('counts a withdrawal or abandonment on the day it was decided (its closing), not by its receipt', async () => {
    // [seq, received, closed at (Shanghai), outcome, reason]
    const closings: [number, string, string, string, string | null][] = [
      [6, '2025-02-10', '2025-03-10 10:00', 'abandoned', 'correction_not_made'],
      [7, '2025-03-03', '2025-05-02 09:00', 'withdrawn', null],
    ];
    for (const [seq, received, closedAt, outcome, reason] of closings) {
      const [{ id: applicant }] = await ds.query(
        `INSERT INTO applicants (id, type, name) VALUES (gen_random_uuid(), 'natural_person', $1) RETURNING id`,
        [`申请人${seq}`],
      );
      await ds.query(
        `INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
           channel, arrived_at, received_on, regime, due_on, status, description, created_by, department_code, outcome, outcome_reason, closed_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 2025, $5, 'online', now(), $6::date, '2019', $6::date + 28, 'closed', '申请公开', 'test',
           'OGI', $7, $8, ($9::timestamp AT TIME ZONE 'Asia/Shanghai'))`,
        [office, applicant, `wf-${seq}`, `LYZF-2025-0000${seq}`, seq, received, outcome, reason, closedAt],
      );
    }
    const other = async (from: string, to: string) =>
      (await service.stats(supervisor(), from, to)).outcomes.find((o) => o.label === '其他处理')!.count;
    expect(await other('2025-03-01', '2025-03-31')).toBe(1); // the abandonment, closed 10 March
    expect(await other('2025-03-11', '2025-04-30')).toBe(0);
    expect(await other('2025-05-01', '2025-05-31')).toBe(1); // the withdrawal, closed 2 May
    expect(await other('2025-01-01', '2025-12-31')).toBe(2);
  });
});
