// Seeds the official arrangements from the npm package chinese-days. NOT pure
// (imports chinese-days): never import this from workflow code; workflows get
// CalendarData (or a WorkingDayIndex) from an activity or the workflow input.
import { getDayDetail } from 'chinese-days';
import chineseDaysPackage from 'chinese-days/package.json';
import type { CalendarData, CalendarDay, CalendarYear } from './calendar.types';
import { dayNumber, formatIsoDate, isWeekend } from './iso-date';

export const CHINESE_DAYS_VERSION: string = chineseDaysPackage.version;
/** Bump the .N when our own notice table or seeding rules change. */
export const OFFICIAL_SEED_VERSION = `official-2026.1+chinese-days-${CHINESE_DAYS_VERSION}`;
export const OFFICIAL_FIRST_YEAR = 2008; // the 2008 Regulations came into force on 2008-05-01
export const OFFICIAL_LAST_YEAR = 2026;

const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

// The notice behind each year's arrangement, as cited in chinese-days' sources.
// Document numbers only where we could confirm them; otherwise title and address.
const NOTICES: Record<number, string> = {
  2008: `${title(2008)} (http://www.gov.cn/zwgk/2007-12/18/content_837184.htm)`,
  2009: `${title(2009)} (http://www.gov.cn/zwgk/2008-12/10/content_1174014.htm)`,
  2010: `${title(2010)} (http://www.gov.cn/zwgk/2009-12/08/content_1482691.htm)`,
  2011: `${title(2011)} (http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm)`,
  2012: `${title(2012)} (http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm)`,
  2013: `${title(2013)} (http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm)`,
  2014: `${title(2014)} (http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm)`,
  2015: `${title(2015)} (http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm)`,
  2016: `${title(2016)} (http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm)`,
  2017: `${title(2017)} (http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm)`,
  2018: `${title(2018)} (http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm)`,
  2019: `${title(2019)} (http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm)`,
  2020: `${title(2020)} (http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm)`,
  2021: `${title(2021)} (http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm)`,
  2022: `${title(2022)} (http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm)`,
  2023: `${title(2023)} (http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm)`,
  2024: `${title(2024)}（国办发明电〔2023〕7号）`,
  2025: `${title(2025)}（国办发明电〔2024〕12号）`,
  2026: `${title(2026)} (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm)`,
};

// Days that come from a later, separate notice rather than the year's notice.
const DAY_NOTICES: Record<string, string> = {
  '2015-09-03':
    '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm)',
  '2015-09-04':
    '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm)',
  '2015-09-06':
    '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm)',
  '2019-05-02': '国务院办公厅关于调整2019年劳动节假期安排的通知 (http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm)',
  '2019-05-03': '国务院办公厅关于调整2019年劳动节假期安排的通知 (http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm)',
  '2019-05-05': '国务院办公厅关于调整2019年劳动节假期安排的通知 (http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm)',
  '2020-01-31': '国务院办公厅关于延长2020年春节假期的通知 (http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm)',
};

export function officialNotice(year: number): string {
  return NOTICES[year] ?? `State Council holiday notice for ${year} (${title(year)})`;
}

// chinese-days names look like "National Day,国庆节,3"; keep the Chinese name.
function chineseName(detail: string): string {
  const parts = detail.split(',');
  return parts.length >= 2 ? parts[1] : detail;
}

/** One year's official arrangement: one row per day that differs from Monday-Friday. */
export function officialYear(year: number): CalendarYear {
  const days: CalendarDay[] = [];
  const end = dayNumber(year, 12, 31);
  for (let d = dayNumber(year, 1, 1); d <= end; d++) {
    const date = formatIsoDate(d);
    const detail = getDayDetail(date);
    const weekend = isWeekend(d);
    if (detail.work === !weekend) continue; // the ordinary rule holds
    const row: CalendarDay = {
      date,
      kind: detail.work ? 'workday' : 'holiday',
      name: detail.work ? `${chineseName(detail.name)}调休上班` : chineseName(detail.name),
    };
    // New Year days at the end of December belong to the next year's notice.
    const notice =
      DAY_NOTICES[date] ?? (date.slice(5, 7) === '12' && detail.name.startsWith('New Year') ? officialNotice(year + 1) : undefined);
    if (notice !== undefined) row.notice = notice;
    days.push(row);
  }
  return { year, official: true, days, notice: officialNotice(year) };
}

/** Official arrangements for [fromYear, toYear] (default 2008-2026) from chinese-days. */
export function buildOfficialCalendar(fromYear = OFFICIAL_FIRST_YEAR, toYear = OFFICIAL_LAST_YEAR): CalendarData {
  if (fromYear < 2004 || toYear > OFFICIAL_LAST_YEAR || fromYear > toYear) {
    throw new RangeError(
      `chinese-days ${CHINESE_DAYS_VERSION} carries official arrangements for 2004-${OFFICIAL_LAST_YEAR} only (asked ${fromYear}-${toYear})`,
    );
  }
  const years: CalendarYear[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(officialYear(y));
  return { version: OFFICIAL_SEED_VERSION, years };
}
