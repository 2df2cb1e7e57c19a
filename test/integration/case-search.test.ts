import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LIST_COUNT_CAP } from '../../apps/api/applications/application-list.dto';
import { ApplicationsRepository } from '../../apps/api/applications/applications.repository';
import { caseSearch } from '../../apps/api/applications/search';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

// Issue 14, item 7: GET /api/applications?q= finds a case by its registration or notice
// number exactly, or by Chinese words of the applicant's name or the request, through indexes.
describe('case search against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let office = '';
  const ids: Record<string, string> = {};

  const addCase = async (key: string, registrationNumber: string, name: string, description: string): Promise<string> => {
    const [applicant, id] = [randomUUID(), randomUUID()];
    await ds.query(`INSERT INTO applicants (id, type, name) VALUES ($1, 'natural_person', $2)`, [applicant, name]);
    await ds.query(
      `INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
         channel, arrived_at, status, description, created_by)
       VALUES ($1, $2, $3, $4, $5, 2026, $6, 'in_person', now(), 'registered', $7, 'test')`,
      [id, office, applicant, `wf-${id}`, registrationNumber, Number(registrationNumber.slice(-5)), description],
    );
    ids[key] = id;
    return id;
  };
  const search = async (q: string): Promise<string[]> => {
    const s = caseSearch(q, office, 1);
    const rows: { id: string }[] = await ds.query(`SELECT a.id FROM applications a WHERE ${s.sql}`, s.params);
    return rows.map((r) => r.id).sort();
  };
  const plan = async (q: string): Promise<string> => {
    // As the list asks: within the caller's office.
    const s = caseSearch(q, office, 2);
    const rows: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN SELECT a.id FROM applications a WHERE a.office_id = $1 AND ${s.sql}`, [
      office,
      ...s.params,
    ]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
    [{ id: office }] = await ds.query('SELECT id FROM offices ORDER BY code LIMIT 1');
    const compensation = await addCase('compensation', 'LYZF-2026-00002', '临沂某商贸有限公司', '申请公开某片区征收补偿方案');
    await addCase('environment', 'LYZF-2026-00003', '张三', '申请公开环境影响评价报告（含100%达标说明）');
    await addCase('road', 'LYZF-2026-00004', '李四', '申请公开道路规划');
    await ds.query(
      `INSERT INTO notices (id, application_id, office_id, kind, letter_kind, issue_key, number, number_year, number_seq, template_id,
         template_version, regime, notice_date, rendered, html, content_hash, created_by, office_profile)
       VALUES (gen_random_uuid(), $1, $2, 'receipt', 'receipt', 'receipt', '临政公开〔2026〕第3号', 2026, 3, 'receipt.2019', 1, '2019',
         current_date, '{}', '<p></p>', 'hash', 'test', '{}')`,
      [compensation, office],
    );
    // Enough other cases that reading whole tables costs more than the indexes.
    await ds.query(
      `WITH p AS (
         INSERT INTO applicants (id, type, name)
         SELECT gen_random_uuid(), 'natural_person', substr('王李刘陈杨黄赵吴周徐', 1 + g % 10, 1) || substr('伟芳娜敏静丽强磊军洋', 1 + g / 10 % 10, 1) || g
         FROM generate_series(1, 20000) g RETURNING id, name)
       INSERT INTO applications (id, office_id, applicant_id, workflow_id, registration_number, registration_year, registration_seq,
         channel, arrived_at, status, description, created_by)
       SELECT gen_random_uuid(), $1, p.id, 'wf-' || p.id, 'LYZF-2025-' || p.name, 2025, 1, 'in_person', now(), 'registered',
         '申请公开' || substr('土地出让合同财政预算决算教育经费医疗卫生许可批复会议纪要项目审批资金使用', 1 + length(p.name) % 7 * 4, 12), 'test'
       FROM p`,
      [office],
    );
    await ds.query(
      `INSERT INTO notices (id, application_id, office_id, kind, letter_kind, issue_key, number, number_year, number_seq, template_id,
         template_version, regime, notice_date, rendered, html, content_hash, created_by, office_profile)
       SELECT gen_random_uuid(), id, office_id, 'receipt', 'receipt', 'receipt', '临政公开〔2025〕第' || row_number() OVER () || '号', 2025,
         row_number() OVER (), 'receipt.2019', 1, '2019', current_date, '{}', '<p></p>', 'hash', 'test', '{}'
       FROM applications WHERE registration_year = 2025`,
    );
    await ds.query('ANALYZE applicants');
    await ds.query('ANALYZE applications');
    await ds.query('ANALYZE notices');
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds a case by its registration number or a notice number, exactly', async () => {
    expect(await search('LYZF-2026-00002')).toEqual([ids.compensation]);
    expect(await search(' lyzf-2026-00002 '.trim())).toEqual([ids.compensation]);
    expect(await search('临政公开〔2026〕第3号')).toEqual([ids.compensation]);
    expect(await search('临政公开〔2026〕第4号')).toEqual([]);
  });

  it('finds Chinese words of the applicant’s name and of the request; not unrelated cases', async () => {
    expect(await search('征收补偿')).toEqual([ids.compensation]);
    expect(await search('商贸')).toEqual([ids.compensation]);
    expect(await search('环境影响评价')).toEqual([ids.environment]);
    expect(await search('张三')).toEqual([ids.environment]);
    // Bigrams all present but apart is no match; neither is text found nowhere.
    expect(await search('补偿征收')).toEqual([]);
    expect(await search('公开征收')).toEqual([]);
    // One character has no bigram: still found, by reading the table.
    expect(await search('征')).toEqual([ids.compensation]);
    // LIKE's wildcards are plain characters.
    expect(await search('100%')).toEqual([ids.environment]);
    expect(await search('%')).toEqual([ids.environment]);
  });

  it('answers from indexes, not by reading the tables', async () => {
    const text = await plan('征收补偿');
    expect(text).toContain('ix_applications_description_bigrams');
    expect(text).toContain('ix_applicants_name_bigrams');
    expect(text).toContain('uq_applications_registration');
    expect(text).toContain('ix_notices_number');
    expect(text).not.toMatch(/Seq Scan on (applications|applicants)/);
    expect(await plan('LYZF-2026-00002')).not.toMatch(/Seq Scan on (applications|applicants)/);
  });

  it('counts a broad list up to the cap and says so; a narrow one exactly', async () => {
    const repo = new ApplicationsRepository(ds);
    const supervisor = { id: randomUUID(), username: 'supervisor', role: 'supervisor' as const, officeId: office, departmentId: null };
    const all = await repo.list({ pageSize: 5 }, supervisor);
    expect(all).toMatchObject({ total: LIST_COUNT_CAP, totalCapped: true, page: 1, pageSize: 5 });
    expect(all.items).toHaveLength(5);
    const one = await repo.list({ q: 'LYZF-2026-00002' }, supervisor);
    expect(one).toMatchObject({ total: 1, totalCapped: false });
    expect(one.items.map((i) => i.id)).toEqual([ids.compensation]);
  });

  it('pages by keyset: the `next` cursor gives the same pages as page=, without OFFSET', async () => {
    const repo = new ApplicationsRepository(ds);
    const supervisor = { id: randomUUID(), username: 'supervisor', role: 'supervisor' as const, officeId: office, departmentId: null };
    for (const sort of ['createdAt', 'registrationNumber'] as const) {
      let after: string | undefined;
      for (let page = 1; page <= 3; page++) {
        const byOffset = await repo.list({ pageSize: 7, page, sort }, supervisor);
        const byKeyset = await repo.list({ pageSize: 7, sort, ...(after ? { after } : {}) }, supervisor);
        expect([sort, page, byKeyset.items.map((i) => i.id)]).toEqual([sort, page, byOffset.items.map((i) => i.id)]);
        expect(byKeyset.next).not.toBeNull();
        // The total is the whole list's, wherever the cursor stands.
        expect([byKeyset.total, byKeyset.totalCapped]).toEqual([byOffset.total, byOffset.totalCapped]);
        after = byKeyset.next!;
      }
    }
    await expect(repo.list({ after: 'garbage' }, supervisor)).rejects.toThrow(/after: not a cursor of this list/);
    await expect(repo.list({ sort: 'dueOn', after: 'x' }, supervisor)).rejects.toThrow(/after: keyset paging works with sort=createdAt/);
    const last = await repo.list({ q: 'LYZF-2026-00002' }, supervisor);
    expect(last.next).toBeNull();
  });

  it('gives the whole list’s total on every keyset page', async () => {
    const repo = new ApplicationsRepository(ds);
    const supervisor = { id: randomUUID(), username: 'supervisor', role: 'supervisor' as const, officeId: office, departmentId: null };
    for (const k of [1, 2, 3]) await addCase(`paging${k}`, `LYZF-2026-0090${k}`, '分页人', `申请公开翻页测试材料第${k}份`);
    const seen: string[] = [];
    let after: string | undefined;
    for (let k = 0; k < 3; k++) {
      const page = await repo.list({ q: '翻页测试', pageSize: 1, ...(after ? { after } : {}) }, supervisor);
      expect([k, page.total, page.totalCapped]).toEqual([k, 3, false]);
      seen.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
    }
    expect(after).toBeUndefined();
    expect(seen.sort()).toEqual([ids.paging1, ids.paging2, ids.paging3].sort());
  });
});
