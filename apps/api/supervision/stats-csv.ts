// Each statistics chart's table as CSV (UTF-8 with BOM, so Excel opens the Chinese headers).
import type { Stats } from './supervision.service';

export const STATS_TABLES = ['received', 'on-time-by-month', 'on-time-by-department', 'outcomes', 'open-by-age'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const rateCols = ['答复件数', '按期件数', '按期率', '平均用时（工作日）'];
const rate = (r: { answered: number; onTime: number; onTimeRate: number | null; meanWorkingDays: number | null }) => [
  r.answered,
  r.onTime,
  r.onTimeRate,
  r.meanWorkingDays,
];

export function statsCsv(s: Stats, table: StatsTable): string {
  const rows: (string | number | null)[][] = (() => {
    switch (table) {
      case 'received':
        return [['月份', '收到申请数'], ...s.receivedByMonth.map((r) => [r.month, r.received])];
      case 'on-time-by-month':
        return [['月份', ...rateCols], ...s.byMonth.map((r) => [r.month, ...rate(r)])];
      case 'on-time-by-department':
        return [['部门', ...rateCols], ...s.byDepartment.map((r) => [r.department ?? '（未分配）', ...rate(r)])];
      case 'outcomes':
        return [['年度报告项', '处理结果', '件数'], ...s.outcomes.map((r) => [r.key, r.label, r.count])];
      case 'open-by-age':
        return [['已收到工作日数', '在办件数'], ...s.openByAge.map((r) => [r.label, r.count])];
    }
  })();
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
