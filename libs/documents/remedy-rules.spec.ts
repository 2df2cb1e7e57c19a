// The remedies paragraph depends on the notice date and on whether the letter refuses disclosure
// (Administrative Reconsideration Law 2023, Art. 23(1)(4), in force 2024-01-01).
import { renderNotice } from './notice.renderer';
import { chooseRemedy } from './remedy-rules.data';
import { fixtureInput } from './testing/notice-fixtures';

const REVIEW_FIRST = /应当自收到本告知书之日起六十日内先向临沂市人民政府申请行政复议/;
const SUE_SIX_MONTHS = /自收到本告知书之日起六个月内向有管辖权的人民法院提起行政诉讼/;

// Received well before both notice dates, so one case can be dated either side of 2024-01-01.
const application = { number: 'LY-2023-000900', receivedOn: '2023-11-20', request: '某路段拆迁补偿安置方案的批复' };

const remediesOf = (kind: Parameters<typeof fixtureInput>[0], noticeDate: string) => {
  const notice = renderNotice(fixtureInput(kind, '2019', { noticeDate, application }));
  return { notice, text: notice.paragraphs.filter((p) => p.role === 'remedies').map((p) => p.text) };
};

describe('remedies by notice date and kind', () => {
  it('a refusal dated 2024-01-01 must go to reconsideration first', () => {
    const { notice, text } = remediesOf('reply-refuse', '2024-01-01');
    expect(notice.remedy).toEqual({ period: 'review-first-for-refusal-2024', variant: 'refusal' });
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(REVIEW_FIRST);
    expect(text[0]).toMatch(/第二十三条第一款第（四）项/);
    expect(text[0]).toMatch(/自收到行政复议决定书之日起十五日内/);
    expect(text[0]).not.toMatch(SUE_SIX_MONTHS);
    expect(notice.citations.map((c) => c.text)).toEqual(
      expect.arrayContaining(['《中华人民共和国行政复议法》第二十三条第一款第（四）项', '《中华人民共和国行政诉讼法》第四十五条']),
    );
  });

  it('a refusal dated 2023-12-31 may go to reconsideration or court (old law, Art. 9 / Art. 46)', () => {
    const { notice, text } = remediesOf('reply-refuse', '2023-12-31');
    expect(notice.remedy).toEqual({ period: 'review-optional-2015', variant: 'standard' });
    expect(text[0]).not.toMatch(/先向/);
    expect(text[0]).toMatch(/《中华人民共和国行政复议法》第九条/);
    expect(text[0]).toMatch(SUE_SIX_MONTHS);
  });

  it('a partial disclosure dated 2024-01-01 splits the remedies: withheld part first to reconsideration', () => {
    const { notice, text } = remediesOf('reply-partial', '2024-01-01');
    expect(notice.remedy?.variant).toBe('partial');
    expect(text[0]).toMatch(/不予公开的部分不服.*先向/);
    expect(text[0]).toMatch(/其他内容不服的.*六个月内/);
  });

  it('answers that do not provide the information dated 2024-01-01 go to reconsideration first too (REMEDIES.md)', () => {
    for (const kind of [
      'reply-not-exist',
      'reply-other-organ',
      'reply-repeated',
      'reply-excessive',
      'not-ogi-petition',
      // not processed (三.六): the abandonment letters (legal-rules.md section 7, issue 15 point 7)
      'abandonment-correction',
      'abandonment-fee',
    ] as const) {
      const { notice, text } = remediesOf(kind, '2024-01-01');
      expect(notice.remedy).toEqual({ period: 'review-first-for-refusal-2024', variant: 'refusal' });
      expect(text[0]).toMatch(/^您如对本告知书不服，依照《中华人民共和国行政复议法》第二十条、第二十三条第一款第（四）项的规定/);
      expect(text[0]).toMatch(REVIEW_FIRST);
      expect(text[0]).toMatch(/自收到行政复议决定书之日起十五日内/);
      expect(text[0]).not.toMatch(SUE_SIX_MONTHS);
    }
    // Dated before 2024 the same letters leave the choice (Reconsideration Law 1999 Art. 9, Litigation Law Art. 46).
    const { notice, text } = remediesOf('reply-not-exist', '2023-12-29');
    expect(notice.remedy).toEqual({ period: 'review-optional-2015', variant: 'standard' });
    expect(text[0]).toMatch(SUE_SIX_MONTHS);
  });

  it('disclosures dated 2024-01-01 keep the choice between reconsideration and litigation', () => {
    for (const kind of ['reply-disclose', 'reply-already-public'] as const) {
      const { notice, text } = remediesOf(kind, '2024-01-01');
      expect(notice.remedy).toEqual({ period: 'review-first-for-refusal-2024', variant: 'standard' });
      expect(text[0]).not.toMatch(/先向/);
      expect(text[0]).toMatch(/《中华人民共和国行政复议法》第二十条/);
      expect(text[0]).toMatch(SUE_SIX_MONTHS);
    }
  });

  it('the fee notice is a procedural letter: no remedies paragraph (issue 15 point 6)', () => {
    const { notice, text } = remediesOf('fee-notice', '2024-01-01');
    expect(notice.remedy).toBeNull();
    expect(text).toEqual([]);
  });

  it('notices before 2015-05-01 give three months to sue (Litigation Law 1989, Art. 39)', () => {
    expect(chooseRemedy('refusal', '2015-04-30')?.period.id).toBe('review-optional-1989');
    const notice = renderNotice(
      fixtureInput('reply-refuse', '2008', {
        noticeDate: '2012-06-01',
        application: { number: 'LY-2012-000001', receivedOn: '2012-05-10', request: '某防汛应急预案全文' },
      }),
    );
    expect(notice.paragraphs.find((p) => p.role === 'remedies')?.text).toMatch(/第三十九条的规定，自收到本告知书之日起三个月内/);
  });

  it('letters without remedies carry none', () => {
    for (const kind of ['registration-receipt', 'correction-notice', 'extension-notice', 'withdrawal-confirmation'] as const) {
      const notice = renderNotice(fixtureInput(kind, '2019'));
      expect(notice.remedy).toBeNull();
      expect(notice.paragraphs.some((p) => p.role === 'remedies')).toBe(false);
    }
    expect(chooseRemedy('none', '2024-01-01')).toBeNull();
  });

  it('uses the legacy reconsideration organ before 2024 when one is configured', () => {
    const office = {
      ...fixtureInput('reply-refuse', '2019').office,
      legacyReconsiderationOrgan: '临沂市人民政府或者山东省人民政府办公厅',
      court: '临沂市兰山区人民法院',
    };
    const before = renderNotice(fixtureInput('reply-refuse', '2019', { noticeDate: '2023-12-29', office, application }));
    const after = renderNotice(fixtureInput('reply-refuse', '2019', { noticeDate: '2024-01-02', office, application }));
    expect(before.paragraphs.find((p) => p.role === 'remedies')?.text).toMatch(/向临沂市人民政府或者山东省人民政府办公厅申请/);
    expect(after.paragraphs.find((p) => p.role === 'remedies')?.text).toMatch(/先向临沂市人民政府申请.*向临沂市兰山区人民法院提起/);
  });

  it('refuses a notice date no rule covers', () => {
    expect(() => chooseRemedy('standard', '2008-04-30')).toThrow(/No remedies rule/);
  });
});
