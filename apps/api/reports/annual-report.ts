// The annual report's section 三 and 四 tables (legal-rules.md section 9; format 国办公开办函〔2021〕30号),
// as a pure function of the office's cases and remedies, so it can be tested without a database.
import type { ApplicantCategory, ApplicantType, Regime } from '../../../libs/contracts/application';
import { annualReportRowOf } from '../../../libs/documents/withholding-grounds.data';

export const REPORT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

export const REPORT_ROWS: readonly { key: string; label: string }[] = [
  { key: '一', label: '本年新收政府信息公开申请数量' },
  { key: '二', label: '上年结转政府信息公开申请数量' },
  { key: '三.一', label: '（一）予以公开' },
  { key: '三.二', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: '三.三.1', label: '（三）不予公开 1.属于国家秘密' },
  { key: '三.三.2', label: '（三）不予公开 2.其他法律行政法规禁止公开' },
  { key: '三.三.3', label: '（三）不予公开 3.危及“三安全一稳定”' },
  { key: '三.三.4', label: '（三）不予公开 4.保护第三方合法权益' },
  { key: '三.三.5', label: '（三）不予公开 5.属于三类内部事务信息' },
  { key: '三.三.6', label: '（三）不予公开 6.属于四类过程性信息' },
  { key: '三.三.7', label: '（三）不予公开 7.属于行政执法案卷' },
  { key: '三.三.8', label: '（三）不予公开 8.属于行政查询事项' },
  { key: '三.四.1', label: '（四）无法提供 1.本机关不掌握相关政府信息' },
  { key: '三.四.2', label: '（四）无法提供 2.没有现成信息需要另行制作' },
  { key: '三.四.3', label: '（四）无法提供 3.补正后申请内容仍不明确' },
  { key: '三.五.1', label: '（五）不予处理 1.信访举报投诉类申请' },
  { key: '三.五.2', label: '（五）不予处理 2.重复申请' },
  { key: '三.五.3', label: '（五）不予处理 3.要求提供公开出版物' },
  { key: '三.五.4', label: '（五）不予处理 4.无正当理由大量反复申请' },
  { key: '三.五.5', label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息' },
  { key: '三.六.1', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: '三.六.2', label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: '三.六.3', label: '（六）其他处理 3.其他' },
  { key: '三.七', label: '（七）总计' },
  { key: '四', label: '结转下年度继续办理' },
];

/** The six kinds of result of 三 (its rows grouped by their first two levels), for the outcome mix chart. */
export const RESULT_GROUPS: readonly { key: string; label: string }[] = [
  { key: '三.一', label: '予以公开' },
  { key: '三.二', label: '部分公开' },
  { key: '三.三', label: '不予公开' },
  { key: '三.四', label: '无法提供' },
  { key: '三.五', label: '不予处理' },
  { key: '三.六', label: '其他处理' },
];

/** The group of RESULT_GROUPS a row of 三 belongs to ('三.三.4' -> '三.三'). */
export const resultGroupOf = (row: string): string => row.split('.').slice(0, 2).join('.');

/** One case as the report needs it. Days are Asia/Shanghai calendar days YYYY-MM-DD. */
export interface ReportCase {
  registrationNumber: string;
  applicantType: ApplicantType;
  applicantCategory: ApplicantCategory | null;
  /** receipt day (the arrival day while receipt is unconfirmed) */
  receivedOn: string;
  /**
   * The day its reply (or closing letter: abandonment, withdrawal) was issued; null while none is.
   * The case counts in 三 in this day's year, whatever the day its delivery is recorded or it closed.
   */
  decidedOn: string | null;
  outcome: 'replied' | 'withdrawn' | 'abandoned' | null;
  outcomeReason: string | null;
  triageOutcome: string | null;
  replyKind: string | null;
  /** the regime of the case (null while its receipt is unconfirmed) */
  regime: Regime | null;
  /** the ground code of each withheld part of the drafted decision, in order ('' when an old draft named none) */
  grounds: string[];
}

export interface AnnualReport {
  year: number;
  office: { code: string; name: string };
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
  balanced: boolean;
  /** answered cases the mapping could not place in a row of 三 (counted in 三.七 only) */
  unclassified: { registrationNumber: string; reason: string }[];
  /** 四、政府信息公开行政复议、行政诉讼情况, counted by remedyCounts */
  remedies: RemedySection;
}

/** Section 四: one row per part (复议, 未经复议直接起诉, 复议后起诉), the five result columns each. */
export interface RemedySection {
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
  /** true: counted from the remedies recorded on the cases (POST /api/applications/{id}/remedies) */
  recorded: boolean;
  /** the official one-line table: the 15 numbers left to right (复议 ×5, 直接起诉 ×5, 复议后起诉 ×5) */
  line: number[];
}

/** One reconsideration or litigation as section 四 needs it. Days are YYYY-MM-DD. */
export interface ReportRemedy {
  kind: 'reconsideration' | 'litigation';
  route: 'direct' | 'after-reconsideration' | null;
  filedOn: string;
  outcome: 'upheld' | 'corrected' | 'other' | null;
  outcomeOn: string | null;
}

export const REMEDY_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

export const REMEDY_ROWS: readonly { key: string; label: string }[] = [
  { key: '复议', label: '行政复议' },
  { key: '未经复议直接起诉', label: '行政诉讼：未经复议直接起诉' },
  { key: '复议后起诉', label: '行政诉讼：复议后起诉' },
];

const COLUMN_OF_CATEGORY: Record<ApplicantCategory, number> = { business: 1, research: 2, nonprofit: 3, law_firm: 4, other: 5 };

/**
 * The row of 三.三 of a withholding ground: from the one list of grounds the letter cites too
 * (libs/documents withholding-grounds.data.ts), under the case's regime.
 */
export function groundRow(ground: string, regime: Regime | null = '2019'): string | null {
  return annualReportRowOf(ground, regime ?? '2019');
}

/** Reply kinds (and triage outcomes that end a case) -> row of 三 (section 9 mapping). */
const KIND_ROWS: Record<string, string> = {
  disclose: '三.一', // Art. 36(2): can be disclosed, provided
  'already-public': '三.一', // Art. 36(1): already proactively disclosed, told where to get it
  partial: '三.二', // Art. 37
  'special-route': '三.三.8', // Art. 36(7)
  'not-exist': '三.四.1', // Art. 36(4)
  'not-held': '三.四.1', // Art. 36(4)
  'other-organ': '三.四.1', // Art. 36(5)
  'cannot-create': '三.四.2', // Art. 38
  'unclear-after-correction': '三.四.3', // still unclear after the correction (Art. 30)
  petition: '三.五.1', // Art. 39(1)
  repeated: '三.五.2', // Art. 36(6)
  publication: '三.五.3', // Art. 39(2)
  excessive: '三.五.4', // Art. 35
  'confirm-or-reissue': '三.五.5', // confirm or re-issue information already obtained
};

/** What the row of 三 depends on: the outcome, the reply (or triage) kind and a refusal's first ground. */
export type ResultFacts = Pick<ReportCase, 'outcome' | 'outcomeReason' | 'triageOutcome' | 'replyKind' | 'regime' | 'grounds'>;

/** The row of 三 a closed case counts in, or why none fits. */
export function resultRow(c: ResultFacts): { row: string } | { reason: string } {
  if (c.outcome === 'withdrawn') return { row: '三.六.3' };
  if (c.outcome === 'abandoned') {
    if (c.outcomeReason === 'correction_not_made') return { row: '三.六.1' };
    if (c.outcomeReason === 'fee_not_paid') return { row: '三.六.2' };
    return { row: '三.六.3' };
  }
  const kind = c.replyKind ?? c.triageOutcome;
  if (kind === 'refuse') {
    // Counted once, under the ground of its first withheld part (legal-rules.md section 9).
    const first = c.grounds[0];
    const row = first ? groundRow(first, c.regime) : null;
    return row
      ? { row }
      : {
          reason: `refusal whose first withheld part has no ground of the ${c.regime ?? '2019'} list with a row (${first || 'none recorded'})`,
        };
  }
  const row = kind ? KIND_ROWS[kind] : undefined;
  return row ? { row } : { reason: `no row for reply kind ${kind ?? 'none'}` };
}

function column(c: ReportCase): number {
  return c.applicantType === 'natural_person' ? 0 : COLUMN_OF_CATEGORY[c.applicantCategory ?? 'other'];
}

export function buildAnnualReport(
  year: number,
  office: { code: string; name: string },
  cases: ReportCase[],
  remedies: readonly ReportRemedy[] = [],
): AnnualReport {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const counts = new Map(REPORT_ROWS.map((r) => [r.key, new Array<number>(REPORT_COLUMNS.length).fill(0)]));
  const unclassified: AnnualReport['unclassified'] = [];
  const add = (key: string, col: number) => {
    const v = counts.get(key)!;
    v[col]++;
    v[REPORT_COLUMNS.length - 1]++;
  };
  for (const c of cases) {
    if (c.receivedOn > end) continue;
    const col = column(c);
    if (c.receivedOn >= start) add('一', col);
    else if (c.decidedOn === null || c.decidedOn >= start) add('二', col);
    else continue; // answered (or its closing letter issued) before the year
    if (c.decidedOn !== null && c.decidedOn <= end) {
      add('三.七', col);
      const r = resultRow(c);
      if ('row' in r) add(r.row, col);
      else unclassified.push({ registrationNumber: c.registrationNumber, reason: r.reason });
    } else {
      add('四', col);
    }
  }
  const rows = REPORT_ROWS.map((r) => ({ ...r, values: counts.get(r.key)! }));
  const total = (key: string) => counts.get(key)![REPORT_COLUMNS.length - 1];
  const balanced = REPORT_COLUMNS.every(
    (_, i) => counts.get('一')![i] + counts.get('二')![i] === counts.get('三.七')![i] + counts.get('四')![i],
  );
  return {
    year,
    office,
    columns: [...REPORT_COLUMNS],
    rows,
    balanced: balanced && total('一') + total('二') === total('三.七') + total('四'),
    unclassified,
    remedies: remedyCounts(year, remedies),
  };
}

const RESULT_COLUMN = { upheld: 0, corrected: 1, other: 2 } as const;

/**
 * Section 四 for `year`: the reconsiderations applied for and the suits filed in the year
 * (filedOn in the year; 被申请/被提起 in the year, as the official practice counts them), each
 * under its result when decided by the end of the year, otherwise under 尚未审结. A remedy filed
 * in an earlier year counts in that year's report only.
 */
export function remedyCounts(year: number, remedies: readonly ReportRemedy[]): RemedySection {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const counts = REMEDY_ROWS.map(() => new Array<number>(REMEDY_COLUMNS.length).fill(0));
  for (const r of remedies) {
    if (r.filedOn < start || r.filedOn > end) continue;
    const part = r.kind === 'reconsideration' ? 0 : r.route === 'after-reconsideration' ? 2 : 1;
    const decided = r.outcome !== null && r.outcomeOn !== null && r.outcomeOn <= end;
    counts[part][decided ? RESULT_COLUMN[r.outcome!] : 3]++;
    counts[part][REMEDY_COLUMNS.length - 1]++;
  }
  return {
    columns: [...REMEDY_COLUMNS],
    rows: REMEDY_ROWS.map((p, i) => ({ ...p, values: counts[i] })),
    recorded: true,
    line: counts.flat(),
  };
}

const csvCell = (s: string | number) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));

export function reportCsv(r: AnnualReport): string {
  const lines = [['key', 'label', ...r.columns].map(csvCell).join(',')];
  for (const row of r.rows) lines.push([row.key, row.label, ...row.values].map(csvCell).join(','));
  // Section 四 follows after an empty line, with its own header (five result columns).
  lines.push('', ['key', 'label', ...r.remedies.columns].map(csvCell).join(','));
  for (const row of r.remedies.rows) lines.push([row.key, row.label, ...row.values].map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function reportHtml(r: AnnualReport): string {
  const head = `<tr><th rowspan="2" colspan="2">项目</th><th rowspan="2">${esc(r.columns[0])}</th><th colspan="5">法人或其他组织</th><th rowspan="2">${esc(r.columns[6])}</th></tr>
<tr>${r.columns
    .slice(1, 6)
    .map((c) => `<th>${esc(c)}</th>`)
    .join('')}</tr>`;
  const body = r.rows
    .map((row) => `<tr><td>${esc(row.key)}</td><td>${esc(row.label)}</td>${row.values.map((v) => `<td class="n">${v}</td>`).join('')}</tr>`)
    .join('\n');
  // Section 四 as the official form lays it out: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), one line of 15 numbers.
  const results = r.remedies.columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const remedies = `<tr><th colspan="5" rowspan="2">${esc(REMEDY_ROWS[0].label)}</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${results}${results}${results}</tr>
<tr>${r.remedies.line.map((v) => `<td class="n">${v}</td>`).join('')}</tr>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.office.name)} ${r.year}年政府信息公开工作年度报告 收到和处理政府信息公开申请情况</title>
<style>body{font-family:"SimSun","Songti SC",serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 6px}td.n{text-align:right}@media print{body{margin:0}}</style>
</head><body>
<h1>${esc(r.office.name)} ${r.year}年度政府信息公开工作年度报告</h1>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table>
${head}
${body}
</table>
<p>校验：一 + 二 = 三（七） + 四：${r.balanced ? '平衡' : '不平衡'}</p>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<table>
${remedies}
</table>
</body></html>
`;
}
