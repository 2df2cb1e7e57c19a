// Notice numbers (文号) such as 临政公开〔2026〕第12号. The prefix is office configuration;
// the serial comes from the lead's per-office, per-year counter.

export interface NoticeNumberParts {
  /** Office prefix, e.g. 临政公开 or 临政办公开. */
  prefix: string;
  year: number;
  /** 1-based serial within the office and year. */
  serial: number;
  /** Write 第…号 (default) or just …号. */
  withDi?: boolean;
  /** Zero-pad the serial to this many digits (e.g. 3 -> 第012号). */
  pad?: number;
}

export function formatNoticeNumber({ prefix, year, serial, withDi = true, pad = 0 }: NoticeNumberParts): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`Invalid notice number serial ${serial}`);
  const { head, tail } = noticeNumberAffixes({ prefix, year, withDi });
  return `${head}${String(serial).padStart(pad, '0')}${tail}`;
}

/**
 * What comes before and after the serial (临政公开〔2026〕第 and 号), for a writer that
 * learns the serial only when it stores the letter (the database joins the three).
 */
export function noticeNumberAffixes({ prefix, year, withDi = true }: Omit<NoticeNumberParts, 'serial' | 'pad'>): {
  head: string;
  tail: string;
} {
  if (!prefix.trim() || /[〔〕\s]/u.test(prefix)) throw new TypeError(`Invalid notice number prefix "${prefix}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`Invalid notice number year ${year}`);
  return { head: `${prefix}〔${year}〕${withDi ? '第' : ''}`, tail: '号' };
}

const NOTICE_NUMBER = /^(.+)〔(\d{4})〕(第?)(\d+)号$/u;

export function parseNoticeNumber(value: string): NoticeNumberParts | null {
  const m = NOTICE_NUMBER.exec(value);
  if (!m) return null;
  return { prefix: m[1], year: Number(m[2]), serial: Number(m[4]), withDi: m[3] === '第', pad: m[4].length };
}
