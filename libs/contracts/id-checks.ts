// Check digits of Chinese identity numbers, shared by the API and the web app's forms. Pure.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits, a check character (0-9 or X) by ISO 7064 MOD 11-2,
 * and a real birth date in positions 7-14. Returns why it is not valid, or null.
 */
export function residentIdProblem(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'must be 18 characters: 17 digits and a check digit (0-9 or X)';
  const [y, m, d] = [Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return 'positions 7-14 must be a real date of birth (YYYYMMDD)';
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17] ? null : 'the check digit (last character) does not match the first 17 digits';
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z; the
 * last is a check character by MOD 31. Returns why it is not valid, or null.
 */
export function creditCodeProblem(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return 'must be 18 characters of 0-9 and A-Y (without I, O, S, V, Z)';
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(v[i]), 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  return check === v[17] ? null : 'the check character (last character) does not match the first 17';
}

/** A mainland mobile number (11 digits from 1) or a landline with area code (e.g. 0539-1234567). */
export function phoneProblem(value: string): string | null {
  const v = value.trim().replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}\d{7,8}$/.test(v)
    ? null
    : 'must be a mobile number (11 digits) or a landline with its area code';
}

/**
 * What the API checks of an applicant's identity number, whatever form sent it: a natural
 * person's 18-character number in the national format (居民身份证, or the foreigners' permanent
 * residence card, which uses the same check) and a legal person's 18-character unified social
 * credit code must carry a valid check character. Other documents (passports, permits) pass.
 */
export function applicantIdProblem(type: string, value: string): string | null {
  const v = value.trim().toUpperCase();
  if (type === 'natural_person' && /^\d{17}[\dX]$/.test(v)) return residentIdProblem(v);
  if (type === 'legal_person' && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return creditCodeProblem(v);
  return null;
}
