// The form rules for identity numbers and phones, in Chinese, over the check-digit rules of
// libs/contracts/id-checks.ts (the same for the clerk's intake and the applicant's online form).
import { creditCodeProblem, phoneProblem, residentIdProblem } from '../../../libs/contracts/id-checks';

const ID_PROBLEMS: Record<string, string> = {
  'must be 18 characters: 17 digits and a check digit (0-9 or X)': '居民身份证号码应为18位：17位数字加1位校验码（0-9或X）',
  'positions 7-14 must be a real date of birth (YYYYMMDD)': '第7至14位应为有效的出生日期',
  'the check digit (last character) does not match the first 17 digits': '校验码（最后一位）不正确，请核对号码',
  'must be 18 characters of 0-9 and A-Y (without I, O, S, V, Z)': '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）',
  'the check character (last character) does not match the first 17': '统一社会信用代码校验码（最后一位）不正确',
};

export type IdType = 'resident' | 'credit' | 'other' | 'none';

export const idNumberRule = (idType: IdType) => ({
  validator: async (_: unknown, v?: string) => {
    if (!v) return;
    const problem = idType === 'resident' ? residentIdProblem(v) : idType === 'credit' ? creditCodeProblem(v) : null;
    if (problem) throw new Error(ID_PROBLEMS[problem] ?? problem);
  },
});

export const phoneRule = {
  validator: async (_: unknown, v?: string) => {
    if (v && phoneProblem(v)) throw new Error('请填写11位手机号码或带区号的固定电话');
  },
};
