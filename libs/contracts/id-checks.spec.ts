import { applicantIdProblem, creditCodeProblem, phoneProblem, residentIdProblem } from './id-checks';

describe('identity number check digits', () => {
  it('accepts resident ID numbers whose MOD 11-2 check digit matches (GB 11643)', () => {
    // The standard's own example, and one ending in X.
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('371302198506123412')).toBeNull();
  });

  it('names what is wrong with a resident ID number', () => {
    expect(residentIdProblem('110105194912310021')).toMatch(/check digit/);
    expect(residentIdProblem('11010519491331002X')).toMatch(/date of birth/);
    expect(residentIdProblem('1101051949123100')).toMatch(/18 characters/);
  });

  it('accepts unified social credit codes whose MOD 31 check character matches (GB 32100)', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
    expect(creditCodeProblem('91350100M000100YI3')).toMatch(/without I, O, S, V, Z/);
  });

  it('accepts mobile and landline numbers', () => {
    expect(phoneProblem('13800000000')).toBeNull();
    expect(phoneProblem('0539-8721234')).toBeNull();
    expect(phoneProblem('12345')).toMatch(/mobile/);
  });

  it("checks an applicant's number by the applicant's type when it has the national format, and lets other documents pass", () => {
    expect(applicantIdProblem('natural_person', '371302199001011233')).toBeNull();
    expect(applicantIdProblem('natural_person', '371302199001011234')).toMatch(/check digit/);
    expect(applicantIdProblem('natural_person', 'E12345678')).toBeNull(); // a passport
    expect(applicantIdProblem('legal_person', '91350100M000100Y43')).toBeNull();
    expect(applicantIdProblem('legal_person', '91350100M000100Y44')).toMatch(/check character/);
    expect(applicantIdProblem('legal_person', '12345')).toBeNull(); // an older registration number
  });
});
