// Statutory holidays of a year without an official arrangement (全国年节及纪念日放假办法).
// NOT pure: the lunar conversion and solar terms come from chinese-days. The result is
// plain CalendarData (official:false), which the pure index consumes.
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { CalendarData, CalendarDay, CalendarYear } from './calendar.types';
import { dayNumber, formatIsoDate, isWeekend, parseIsoDate } from './iso-date';

export interface StatutoryHoliday {
  date: string;
  name: string;
}

export const DERIVED_NOTICE = '全国年节及纪念日放假办法 (statutory days only, no official arrangement loaded: provisional)';

function lunarToSolar(year: number, month: number, day: number): number {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  // the non-leap month: festivals are never in a leap month
  return parseIsoDate(getSolarDateFromLunar(`${year}-${mm}-${dd}`).date);
}

/**
 * Every statutory holiday date of `year`, weekends included, following the version
 * of the measures in force that year: 2025 revision (除夕 and 初一-初三, May 1-2),
 * 2014 revision (初一-初三), 2008 revision (除夕-初二, Qingming, Dragon Boat,
 * Mid-Autumn added, Labour Day cut to May 1), 1999 version before 2008.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const out = new Map<number, string>();
  const add = (day: number, name: string) => {
    const prev = out.get(day);
    out.set(day, prev && prev !== name ? `${prev}/${name}` : name);
  };
  add(dayNumber(year, 1, 1), '元旦');
  const newYear = lunarToSolar(year, 1, 1);
  const springFrom = year >= 2025 || (year >= 2008 && year < 2014) ? -1 : 0; // -1: 除夕
  const springTo = year >= 2008 && year < 2014 ? 1 : 2;
  for (let k = springFrom; k <= springTo; k++) add(newYear + k, '春节');
  if (year >= 2008) add(parseIsoDate(getSolarTermDate(year, 4, 'pure_brightness')), '清明节');
  const labourDays = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
  for (let k = 0; k < labourDays; k++) add(dayNumber(year, 5, 1 + k), '劳动节');
  if (year >= 2008) {
    add(lunarToSolar(year, 5, 5), '端午节');
    add(lunarToSolar(year, 8, 15), '中秋节');
  }
  for (let k = 1; k <= 3; k++) add(dayNumber(year, 10, k), '国庆节');
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([d, name]) => ({ date: formatIsoDate(d), name }));
}

/**
 * A provisional CalendarYear: the statutory days that fall Monday-Friday. Weekend
 * statutory days are not moved to a weekday and no make-up days are invented; the
 * real arrangement (调休) is only known from the State Council notice.
 */
export function derivedYear(year: number): CalendarYear {
  const days: CalendarDay[] = statutoryHolidays(year)
    .filter((h) => !isWeekend(parseIsoDate(h.date)))
    .map((h) => ({ date: h.date, kind: 'holiday', name: h.name }));
  return { year, official: false, days, notice: DERIVED_NOTICE };
}

export function buildDerivedCalendar(fromYear: number, toYear: number): CalendarData {
  const years: CalendarYear[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(derivedYear(y));
  return { version: `derived-${fromYear}-${toYear}`, years };
}
