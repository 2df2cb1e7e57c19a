// Chinese numerals and dates as official letters write them.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 -> 一, 10 -> 十, 21 -> 二十一, 101 -> 一百零一 (1..999, enough for article numbers). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumber: ${n} is outside 1..999`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`;
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/** Enumeration marker used in the body of a letter: （一）, （二）... */
export const chineseOrdinal = (n: number): string => `（${chineseNumber(n)}）`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertIsoDate(value: string, what: string): void {
  const m = ISO_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    throw new TypeError(`${what} must be an ISO date (YYYY-MM-DD), got "${value}"`);
  }
}

/** 2026-11-27 -> 2026年11月27日 (Arabic numerals, as GB/T 9704-2012 writes the date of a document). */
export function chineseDate(iso: string): string {
  assertIsoDate(iso, 'date');
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
