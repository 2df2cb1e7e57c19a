// The remedies paragraph (救济途径告知), chosen by the date of the notice (legal-rules.md section 7).
// Texts name their articles literally; remedy.spec.ts checks every listed citation appears in its text.
// Sources and the reading of "reconsideration first" are in REMEDIES.md next to this file.
// Placeholders: {{pronoun}}, {{noun}}, {{reconsiderationOrgan}}, {{court}}.
import type { Citation, RemedyRule } from './document.types';

export interface RemedyText {
  text: string;
  citations: readonly Citation[];
}

export interface RemedyPeriod {
  id: string;
  /** First notice date the period applies to (inclusive, ISO). */
  from: string;
  /** Last notice date (inclusive), or null while in force. */
  to: string | null;
  /** Which office configuration names the reconsideration organ. */
  organ: 'current' | 'legacy';
  /** 'standard' is required; a period without 'refusal'/'partial' treats them as 'standard'. */
  variants: { standard: RemedyText } & Partial<Record<'refusal' | 'partial', RemedyText>>;
}

const REVIEW_FIRST =
  '依照《中华人民共和国行政复议法》第二十条、第二十三条第一款第（四）项的规定，应当自收到本{{noun}}之日起六十日内先向{{reconsiderationOrgan}}申请行政复议；' +
  '对行政复议决定不服的，可以依照《中华人民共和国行政诉讼法》第四十五条的规定，自收到行政复议决定书之日起十五日内向{{court}}提起行政诉讼，' +
  '行政复议机关逾期不作决定的，可以自复议期满之日起十五日内向{{court}}提起行政诉讼。';

const REVIEW_OR_SUE_2024 =
  '可以依照《中华人民共和国行政复议法》第二十条的规定，自收到本{{noun}}之日起六十日内向{{reconsiderationOrgan}}申请行政复议，' +
  '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本{{noun}}之日起六个月内向{{court}}提起行政诉讼。';

const REVIEW_FIRST_CITATIONS: readonly Citation[] = [
  { law: 'reconsideration-2023', article: 20 },
  { law: 'reconsideration-2023', article: 23, paragraph: 1, item: 4 },
  { law: 'litigation-2017', article: 45 },
];
const REVIEW_OR_SUE_2024_CITATIONS: readonly Citation[] = [
  { law: 'reconsideration-2023', article: 20 },
  { law: 'litigation-2017', article: 46 },
];

export const REMEDY_PERIODS: readonly RemedyPeriod[] = [
  {
    // Administrative Litigation Law 1989: three months to sue; reconsideration optional.
    id: 'review-optional-1989',
    from: '2008-05-01',
    to: '2015-04-30',
    organ: 'legacy',
    variants: {
      standard: {
        text:
          '{{pronoun}}如对本{{noun}}不服，可以依照《中华人民共和国行政复议法》第九条的规定，自收到本{{noun}}之日起六十日内向{{reconsiderationOrgan}}申请行政复议，' +
          '也可以依照《中华人民共和国行政诉讼法》第三十九条的规定，自收到本{{noun}}之日起三个月内向{{court}}提起行政诉讼。',
        citations: [
          { law: 'reconsideration-1999', article: 9 },
          { law: 'litigation-1989', article: 39 },
        ],
      },
    },
  },
  {
    // Administrative Litigation Law as amended 2014: six months to sue; reconsideration optional.
    id: 'review-optional-2015',
    from: '2015-05-01',
    to: '2023-12-31',
    organ: 'legacy',
    variants: {
      standard: {
        text:
          '{{pronoun}}如对本{{noun}}不服，可以依照《中华人民共和国行政复议法》第九条的规定，自收到本{{noun}}之日起六十日内向{{reconsiderationOrgan}}申请行政复议，' +
          '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本{{noun}}之日起六个月内向{{court}}提起行政诉讼。',
        citations: [
          { law: 'reconsideration-1999', article: 9 },
          { law: 'litigation-2017', article: 46 },
        ],
      },
    },
  },
  {
    // Administrative Reconsideration Law 2023, Art. 23(1)(4) (申请政府信息公开，行政机关不予公开): read broadly, every
    // answer that leaves the applicant without the information goes to reconsideration first (REMEDIES.md).
    id: 'review-first-for-refusal-2024',
    from: '2024-01-01',
    to: null,
    organ: 'current',
    variants: {
      standard: { text: `{{pronoun}}如对本{{noun}}不服，${REVIEW_OR_SUE_2024}`, citations: REVIEW_OR_SUE_2024_CITATIONS },
      refusal: { text: `{{pronoun}}如对本{{noun}}不服，${REVIEW_FIRST}`, citations: REVIEW_FIRST_CITATIONS },
      partial: {
        text: `{{pronoun}}如对本{{noun}}中不予公开的部分不服，${REVIEW_FIRST}对本{{noun}}其他内容不服的，${REVIEW_OR_SUE_2024}`,
        citations: [...REVIEW_FIRST_CITATIONS, ...REVIEW_OR_SUE_2024_CITATIONS],
      },
    },
  },
];

export interface ChosenRemedy {
  period: RemedyPeriod;
  variant: Exclude<RemedyRule, 'none'>;
  remedy: RemedyText;
}

/** The remedies paragraph for a letter of this rule dated noticeDate (ISO), or null for 'none'. */
export function chooseRemedy(rule: RemedyRule, noticeDate: string): ChosenRemedy | null {
  if (rule === 'none') return null;
  const period = REMEDY_PERIODS.find((p) => noticeDate >= p.from && (p.to === null || noticeDate <= p.to));
  if (!period) throw new RangeError(`No remedies rule covers a notice dated ${noticeDate}`);
  const specific = rule === 'standard' ? undefined : period.variants[rule];
  return specific ? { period, variant: rule, remedy: specific } : { period, variant: 'standard', remedy: period.variants.standard };
}
