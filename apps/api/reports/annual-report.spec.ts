import {
  buildAnnualReport,
  groundRow,
  REPORT_COLUMNS,
  REPORT_ROWS,
  reportCsv,
  remedyCounts,
  reportHtml,
  resultRow,
  type ReportCase,
  type ReportRemedy,
} from './annual-report';
import { withholdingGroundsOf } from '../../../libs/documents/withholding-grounds.data';

const base: ReportCase = {
  registrationNumber: 'LYZF-2026-00001',
  applicantType: 'natural_person',
  applicantCategory: null,
  receivedOn: '2026-03-02',
  decidedOn: null,
  outcome: null,
  outcomeReason: null,
  triageOutcome: null,
  replyKind: null,
  regime: '2019',
  grounds: [],
};
const c = (over: Partial<ReportCase>): ReportCase => ({ ...base, ...over });
const value = (r: ReturnType<typeof buildAnnualReport>, key: string, col = 6) => r.rows.find((x) => x.key === key)!.values[col];

describe('annual report (legal-rules.md section 9)', () => {
  it('has the columns and rows of the official form, in order', () => {
    expect(REPORT_COLUMNS).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(REPORT_ROWS.map((r) => r.key)).toEqual([
      '一',
      '二',
      '三.一',
      '三.二',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `三.三.${i}`),
      ...[1, 2, 3].map((i) => `三.四.${i}`),
      ...[1, 2, 3, 4, 5].map((i) => `三.五.${i}`),
      ...[1, 2, 3].map((i) => `三.六.${i}`),
      '三.七',
      '四',
    ]);
  });

  it('maps outcomes, reply kinds, triage outcomes and exemption grounds to rows', () => {
    const row = (over: Partial<ReportCase>) => resultRow(c({ decidedOn: '2026-04-01', outcome: 'replied', ...over }));
    expect(row({ replyKind: 'disclose' })).toEqual({ row: '三.一' });
    expect(row({ replyKind: 'already-public' })).toEqual({ row: '三.一' });
    expect(row({ replyKind: 'partial', grounds: ['state-secret'] })).toEqual({ row: '三.二' });
    expect(row({ replyKind: 'refuse', grounds: ['third-party-rights'] })).toEqual({ row: '三.三.4' });
    expect(row({ replyKind: 'refuse', grounds: ['internal-affairs'] })).toEqual({ row: '三.三.5' });
    expect(row({ replyKind: 'refuse', grounds: [] })).toEqual({
      reason: 'refusal whose first withheld part has no ground of the 2019 list with a row (none recorded)',
    });
    expect(row({ replyKind: 'special-route' })).toEqual({ row: '三.三.8' });
    expect(row({ replyKind: 'not-exist' })).toEqual({ row: '三.四.1' });
    expect(row({ replyKind: 'other-organ' })).toEqual({ row: '三.四.1' });
    expect(row({ replyKind: 'cannot-create' })).toEqual({ row: '三.四.2' });
    expect(row({ triageOutcome: 'petition' })).toEqual({ row: '三.五.1' });
    expect(row({ replyKind: 'repeated' })).toEqual({ row: '三.五.2' });
    expect(row({ replyKind: 'excessive' })).toEqual({ row: '三.五.4' });
    expect(row({ outcome: 'abandoned', outcomeReason: 'correction_not_made' })).toEqual({ row: '三.六.1' });
    expect(row({ outcome: 'abandoned', outcomeReason: 'fee_not_paid' })).toEqual({ row: '三.六.2' });
    expect(row({ outcome: 'withdrawn' })).toEqual({ row: '三.六.3' });
    expect(groundRow('enforcement-file')).toBe('三.三.7');
    expect(groundRow('process-information')).toBe('三.三.6');
  });

  it("counts a refusal once, under the row of its first withheld part's ground, from the one list the letter cites", () => {
    const row = (over: Partial<ReportCase>) => resultRow(c({ decidedOn: '2026-04-01', outcome: 'replied', replyKind: 'refuse', ...over }));
    // Every 2019 ground of a refusal has its row of 三（三）, so 三（三） adds up.
    const rows = withholdingGroundsOf('2019')
      .filter((g) => !g.entry.partialOnly)
      .map((g) => row({ grounds: [g.ground] }));
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ row: `三.三.${i}` })));
    expect(row({ grounds: ['enforcement-file', 'process-information'] })).toEqual({ row: '三.三.7' });
    // A ground code of the 2008 list under its own regime.
    expect(row({ regime: '2008', grounds: ['privacy'] })).toEqual({ row: '三.三.4' });
    // Free words are not a ground: the projection carries codes only, so words count nowhere.
    expect(row({ grounds: ['危及公共安全'] })).toEqual({
      reason: 'refusal whose first withheld part has no ground of the 2019 list with a row (危及公共安全)',
    });
  });

  it('counts received, carried over, closed and carried forward, and balances per column', () => {
    const r = buildAnnualReport(2026, { code: 'LINYI', name: '临沂市人民政府办公室' }, [
      c({ receivedOn: '2025-12-20', decidedOn: '2026-01-10', outcome: 'replied', replyKind: 'disclose' }), // 二, 三.一
      c({ receivedOn: '2025-12-29' }), // 二, 四
      c({ receivedOn: '2025-06-01', decidedOn: '2025-07-01', outcome: 'replied', replyKind: 'disclose' }), // not counted
      c({ applicantType: 'legal_person', applicantCategory: 'law_firm', decidedOn: '2026-05-01', outcome: 'withdrawn' }), // 一, 三.六.3
      c({ applicantType: 'legal_person', applicantCategory: 'business', decidedOn: '2027-01-05', outcome: 'replied' }), // 一, 四
      c({ receivedOn: '2027-01-02' }), // not counted
    ]);
    expect(value(r, '一')).toBe(2);
    expect(value(r, '二')).toBe(2);
    expect(value(r, '三.七')).toBe(2);
    expect(value(r, '四')).toBe(2);
    expect(value(r, '三.一', 0)).toBe(1);
    expect(value(r, '三.六.3', 4)).toBe(1);
    expect(value(r, '四', 1)).toBe(1);
    expect(r.balanced).toBe(true);
    expect(r.unclassified).toEqual([]);
    expect(r.remedies.line).toEqual(new Array(15).fill(0));
    const csv = reportCsv(r).split('\r\n');
    expect(csv[0]).toBe('\uFEFFkey,label,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计');
    expect(csv[1]).toBe('一,本年新收政府信息公开申请数量,0,1,0,0,1,0,2');
    expect(reportHtml(r)).toContain('<td>三.七</td>');
  });

  it('counts a case in 三 in the year its reply or closing letter was issued, not when delivery was recorded', () => {
    // Replied on 2025-12-30, delivery recorded (and the case closed) on 2026-01-05: 三 of 2025, not carried over.
    const late = c({ receivedOn: '2025-12-01', decidedOn: '2025-12-30', outcome: 'replied', replyKind: 'disclose' });
    // Replied, delivery not recorded yet: answered all the same.
    const undelivered = c({ receivedOn: '2025-12-10', decidedOn: '2025-12-31', outcome: null, replyKind: 'unclear-after-correction' });
    const r2025 = buildAnnualReport(2025, { code: 'LINYI', name: '临沂市人民政府办公室' }, [late, undelivered]);
    expect(value(r2025, '三.一')).toBe(1);
    expect(value(r2025, '三.四.3')).toBe(1);
    expect(value(r2025, '三.七')).toBe(2);
    expect(value(r2025, '四')).toBe(0);
    expect(r2025.balanced).toBe(true);
    const r2026 = buildAnnualReport(2026, { code: 'LINYI', name: '临沂市人民政府办公室' }, [late, undelivered]);
    expect(value(r2026, '二')).toBe(0);
    expect(value(r2026, '三.七')).toBe(0);
  });

  it('counts 三.四.3, 三.五.3 and 三.五.5 from their reply kinds', () => {
    const r = buildAnnualReport(2026, { code: 'LINYI', name: '临沂市人民政府办公室' }, [
      c({ decidedOn: '2026-04-01', outcome: 'replied', replyKind: 'unclear-after-correction' }),
      c({ decidedOn: '2026-04-01', outcome: 'replied', replyKind: 'publication' }),
      c({ decidedOn: '2026-04-01', outcome: 'replied', replyKind: 'confirm-or-reissue' }),
    ]);
    expect(['三.四.3', '三.五.3', '三.五.5', '三.七'].map((k) => value(r, k))).toEqual([1, 1, 1, 3]);
    expect(r.unclassified).toEqual([]);
  });

  describe('section 四: reconsideration and litigation', () => {
    const remedy = (over: Partial<ReportRemedy>): ReportRemedy => ({
      kind: 'reconsideration',
      route: null,
      filedOn: '2026-03-01',
      outcome: null,
      outcomeOn: null,
      ...over,
    });
    const remedies: ReportRemedy[] = [
      remedy({ outcome: 'upheld', outcomeOn: '2026-05-01' }),
      remedy({ outcome: 'corrected', outcomeOn: '2026-12-31' }),
      remedy({ filedOn: '2026-12-01', outcome: 'other', outcomeOn: '2027-01-10' }), // decided after the year: 尚未审结
      remedy({ filedOn: '2026-11-01' }), // pending
      remedy({ kind: 'litigation', route: 'direct', filedOn: '2026-01-01', outcome: 'other', outcomeOn: '2026-02-01' }),
      remedy({ kind: 'litigation', route: 'after-reconsideration', filedOn: '2026-06-01', outcome: 'corrected', outcomeOn: '2026-09-01' }),
      remedy({ kind: 'litigation', route: 'after-reconsideration', filedOn: '2026-07-01' }),
      remedy({ filedOn: '2025-12-31', outcome: 'upheld', outcomeOn: '2026-02-01' }), // filed the year before: not counted
      remedy({ kind: 'litigation', route: 'direct', filedOn: '2027-01-01' }), // filed the year after: not counted
    ];

    it('counts remedies filed in the year, under their result when decided by 31 December, else 尚未审结', () => {
      const s = remedyCounts(2026, remedies);
      expect(s.columns).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
      expect(s.rows).toEqual([
        { key: '复议', label: '行政复议', values: [1, 1, 0, 2, 4] },
        { key: '未经复议直接起诉', label: '行政诉讼：未经复议直接起诉', values: [0, 0, 1, 0, 1] },
        { key: '复议后起诉', label: '行政诉讼：复议后起诉', values: [0, 1, 0, 1, 2] },
      ]);
      expect(s.line).toEqual([1, 1, 0, 2, 4, 0, 0, 1, 0, 1, 0, 1, 0, 1, 2]);
      expect(s.recorded).toBe(true);
      // In its own year's report the one filed on 2025-12-31 was still pending (decided 2026-02-01).
      expect(remedyCounts(2025, remedies).line).toEqual([0, 0, 0, 1, 1, ...new Array(10).fill(0)]);
    });

    it('is in the report, its CSV (after an empty line) and the printable page (one line of 15 numbers)', () => {
      const r = buildAnnualReport(2026, { code: 'LINYI', name: '临沂市人民政府办公室' }, [], remedies);
      expect(r.remedies.line).toEqual([1, 1, 0, 2, 4, 0, 0, 1, 0, 1, 0, 1, 0, 1, 2]);
      const csv = reportCsv(r).split('\r\n');
      const at = csv.indexOf('');
      expect(at).toBe(1 + r.rows.length);
      expect(csv.slice(at + 1, at + 5)).toEqual([
        'key,label,结果维持,结果纠正,其他结果,尚未审结,总计',
        '复议,行政复议,1,1,0,2,4',
        '未经复议直接起诉,行政诉讼：未经复议直接起诉,0,0,1,0,1',
        '复议后起诉,行政诉讼：复议后起诉,0,1,0,1,2',
      ]);
      const html = reportHtml(r);
      expect(html).toContain('<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th>');
      expect(html).toContain(`<tr>${[1, 1, 0, 2, 4, 0, 0, 1, 0, 1, 0, 1, 0, 1, 2].map((v) => `<td class="n">${v}</td>`).join('')}</tr>`);
    });
  });
});
