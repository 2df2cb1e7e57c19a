// Processing fees of 国办函〔2020〕109号 (legal-rules.md section 8): the amount follows from the
// basis and the count, computed here and never typed in. Pure.

export type FeeBasis = 'per-application' | 'per-volume';

/** How the information is supplied; per-volume fees exist only where paper or copied data is supplied. */
export const PROVISION_MEDIA = ['paper', 'copied-data', 'electronic', 'inspection'] as const;
export type ProvisionMedium = (typeof PROVISION_MEDIA)[number];
export const FEE_BEARING_MEDIA: readonly ProvisionMedium[] = ['paper', 'copied-data'];

/** The first day of the fee measures: no processing fee is noticed before it. */
export const FEE_MEASURES_START = '2021-01-01';

/**
 * Per application (measures Art. 4): the fee of the applicant's `nth` application in one calendar
 * month. 1-10 free; 11-30 CNY 100; from the 31st each further band of 10 adds CNY 100
 * (31-40: 200, 41-50: 300, ...).
 */
export function perApplicationFee(nth: number): number {
  if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`application count must be a positive integer, got ${nth}`);
  if (nth <= 10) return 0;
  if (nth <= 30) return 100;
  return 100 * (Math.floor((nth - 31) / 10) + 2);
}

/**
 * Per volume (measures Art. 5), by parts: pages 1-30 free; the part from 31 to 100 CNY 10 a page;
 * from 101 to 200 CNY 20 a page; above 200 CNY 40 a page.
 */
export function perVolumeFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`page count must be a positive integer, got ${pages}`);
  const part = (from: number, to: number) => Math.max(0, Math.min(pages, to) - from);
  return 10 * part(30, 100) + 20 * part(100, 200) + 40 * part(200, Infinity);
}

export function feeAmount(basis: FeeBasis, count: number): number {
  return basis === 'per-application' ? perApplicationFee(count) : perVolumeFee(count);
}

/** The calculation in the words of the fee notice (收费通知 计算过程). */
export function feeCalculation(basis: FeeBasis, count: number): string {
  if (basis === 'per-application') {
    const fee = perApplicationFee(count);
    return `本申请为申请人本自然月内第${count}件申请，按件计收，每件${fee}元`;
  }
  const part = (from: number, to: number) => Math.max(0, Math.min(count, to) - from);
  const items = [
    `30页以下（含）不收费`,
    ...(part(30, 100) ? [`31至100页部分${part(30, 100)}页×10元`] : []),
    ...(part(100, 200) ? [`101至200页部分${part(100, 200)}页×20元`] : []),
    ...(part(200, Infinity) ? [`200页以上部分${part(200, Infinity)}页×40元`] : []),
  ];
  return `共${count}页，按量计收：${items.join('，')}，合计${perVolumeFee(count)}元`;
}
