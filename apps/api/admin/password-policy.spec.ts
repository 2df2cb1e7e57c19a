import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts 10 or more characters with a letter and a digit', () => {
    expect(passwordProblems('abcdefghi1')).toEqual([]);
    expect(passwordProblems('密码密码密码密码密码9')).toEqual([]);
  });
  it('names every rule a password breaks', () => {
    expect(passwordProblems('abc1')).toEqual(['must be at least 10 characters']);
    expect(passwordProblems('abcdefghijk')).toEqual(['must contain a digit']);
    expect(passwordProblems('12345678901')).toEqual(['must contain a letter']);
    expect(passwordProblems('short')).toEqual(['must be at least 10 characters', 'must contain a digit']);
    expect(passwordProblems('a1'.repeat(129))).toEqual(['must be at most 256 characters']);
    expect(passwordProblems(1234567890)).toEqual(['must be a string']);
  });
  it('refuses a password that contains the username, in any case', () => {
    expect(passwordProblems('Zhang.San-2026', 'zhang.san')).toEqual(['must not contain the username']);
    expect(passwordProblems('Other-pass-2026', 'zhang.san')).toEqual([]);
  });
});
