// The calendar is data, not code (legal-rules.md section 3): one row per day that
// differs from the Monday-Friday rule, grouped by year, with the notice it comes from.

/**
 * 'holiday': a Monday-Friday day off (statutory holiday or 调休 rest day).
 * 'workday': a Saturday or Sunday declared a working day (调休上班).
 */
export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: CalendarDayKind;
  name?: string; // e.g. '国庆节'
  notice?: string; // the notice this row comes from, when it differs from the year's
}

export interface CalendarYear {
  year: number;
  /** false: derived statutory holidays only, deadlines in this year are provisional */
  official: boolean;
  days: CalendarDay[];
  notice?: string; // e.g. '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）'
}

export interface CalendarData {
  version: string; // recorded with every deadline computed from this data
  years: CalendarYear[];
}
