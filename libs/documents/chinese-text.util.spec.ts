import { chineseDate, chineseNumber, chineseOrdinal } from './chinese-text.util';

describe('chinese numerals and dates', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [14, '十四'],
    [20, '二十'],
    [36, '三十六'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('%i -> %s', (n, s) => expect(chineseNumber(n)).toBe(s));

  it('rejects numbers it cannot write', () => {
    expect(() => chineseNumber(0)).toThrow(RangeError);
    expect(() => chineseNumber(1.5)).toThrow(RangeError);
  });

  it('writes ordinals and dates as letters do', () => {
    expect(chineseOrdinal(3)).toBe('（三）');
    expect(chineseDate('2026-11-27')).toBe('2026年11月27日');
    expect(chineseDate('2024-01-01')).toBe('2024年1月1日');
    expect(() => chineseDate('2026-02-30')).toThrow(/ISO date/);
    expect(() => chineseDate('27/11/2026')).toThrow(/ISO date/);
  });
});
