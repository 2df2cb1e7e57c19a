// Coverage and legal consistency of the bundled templates.
import { citationProblem, formatCitation } from '../citation.util';
import { LETTER_KINDS, REPLY_KINDS, replyLetterKind, type NoticeTemplate } from '../document.types';
import { LAW_TABLES, ogiLawOf } from '../law-articles.data';
import { REMEDY_PERIODS } from '../remedy-rules.data';
import { WITHHOLDING_GROUNDS_BY_REGIME } from '../withholding-grounds.data';
import { BUNDLED_TEMPLATES, findTemplate, getTemplate, KINDS_WITHOUT_2008_TEMPLATE } from './notice-template.registry';
import { templateCitations, validateTemplate } from './notice-template.validator';

/** Reply kinds the 2008 Regulations know (Art. 21 (1)-(3) and Art. 22). */
const REPLY_KINDS_2008 = ['already-public', 'disclose', 'partial', 'refuse', 'not-exist', 'other-organ'];

describe('bundled templates', () => {
  it('has unique ids', () => {
    const ids = BUNDLED_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(BUNDLED_TEMPLATES.map((t) => [t.id, t] as const))('%s is valid', (_id, t) => {
    expect(validateTemplate(t)).toEqual([]);
  });

  it.each(REPLY_KINDS)('reply kind %s has a letter for each regime where it exists', (kind) => {
    const letter = replyLetterKind(kind);
    expect(findTemplate(letter, '2019')).toBeDefined();
    if (REPLY_KINDS_2008.includes(kind)) expect(findTemplate(letter, '2008')).toBeDefined();
    else {
      expect(findTemplate(letter, '2008')).toBeUndefined();
      expect(KINDS_WITHOUT_2008_TEMPLATE[letter]).toEqual(expect.any(String));
    }
  });

  it('has a 2019 template for every letter kind, and a 2008 template or an explanation for each', () => {
    for (const kind of LETTER_KINDS) {
      expect(findTemplate(kind, '2019')).toBeDefined();
      expect(Boolean(findTemplate(kind, '2008')) !== Boolean(KINDS_WITHOUT_2008_TEMPLATE[kind])).toBe(true);
    }
  });

  it('explains a missing 2008 template when asked for one', () => {
    expect(() => getTemplate('reply-excessive', '2008')).toThrow(/No 2008 template for "reply-excessive": No article/);
  });

  it('2008 replies rest on Art. 21 or Art. 22, 2019 replies on Art. 35-39 (or the articles of their own annual-report row)', () => {
    // Rows without an item of Art. 36: still unclear after a correction (Art. 29(2), 30) and
    // confirmation / re-issue (not a request for existing government information: Art. 2, 27).
    const own: Partial<Record<string, number[]>> = {
      'reply-unclear-after-correction.2019': [29, 30],
      'reply-confirm-or-reissue.2019': [2, 27],
    };
    for (const t of BUNDLED_TEMPLATES.filter((x) => x.kind.startsWith('reply-'))) {
      const articles = t.citations.filter((c) => c.law === ogiLawOf(t.regime)).map((c) => c.article);
      const core = own[t.id] ?? (t.regime === '2008' ? [21, 22] : [35, 36, 37, 38, 39]);
      expect(articles.some((a) => a !== undefined && core.includes(a))).toBe(true);
    }
  });

  it('from 2024 every letter that does not provide the information sends the applicant to reconsideration first', () => {
    const rows = {
      refusal: [
        'reply-refuse',
        'reply-not-exist',
        'reply-other-organ',
        'reply-repeated',
        'reply-special-route',
        'reply-cannot-create',
        'reply-excessive',
        'reply-unclear-after-correction',
        'reply-confirm-or-reissue',
        'not-ogi-petition',
        'not-ogi-publication',
        'abandonment-correction',
        'abandonment-fee',
      ],
      partial: ['reply-partial'],
      standard: ['reply-already-public', 'reply-disclose'],
    };
    for (const [rule, kinds] of Object.entries(rows))
      for (const kind of kinds)
        for (const regime of ['2008', '2019'] as const) {
          const t = findTemplate(kind as NoticeTemplate['kind'], regime);
          if (t) expect([t.id, t.remedies]).toEqual([t.id, rule]);
        }
    const withRemedies = BUNDLED_TEMPLATES.filter((t) => t.remedies !== 'none').map((t) => t.kind);
    expect(new Set(withRemedies)).toEqual(new Set(Object.values(rows).flat()));
  });

  it.each(BUNDLED_TEMPLATES.map((t) => [t.id, t] as const))('%s cites only articles in its regime table', (_id, t: NoticeTemplate) => {
    for (const c of templateCitations(t)) {
      expect(citationProblem(c)).toBeNull();
      if (c.law.startsWith('ogi-')) expect(c.law).toBe(ogiLawOf(t.regime));
      if (c.article !== undefined) expect(LAW_TABLES[c.law].articles[c.article]).toBeDefined();
    }
  });

  it('withholding grounds cite existing articles of their own regime', () => {
    for (const [regime, grounds] of Object.entries(WITHHOLDING_GROUNDS_BY_REGIME)) {
      for (const ground of Object.values(grounds)) {
        for (const c of ground.citations) {
          expect(citationProblem(c)).toBeNull();
          expect(c.law).toBe(ogiLawOf(regime as '2008' | '2019'));
        }
      }
    }
  });

  it('2019 refusal grounds map onto the annual report rows 三（三）1-8', () => {
    const rows = Object.values(WITHHOLDING_GROUNDS_BY_REGIME['2019'])
      .map((g) => g.annualReportRow)
      .filter(Boolean)
      .sort();
    expect(rows).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => `三（三）${n}`));
  });

  it('remedies texts name exactly the articles they cite', () => {
    for (const period of REMEDY_PERIODS) {
      for (const remedy of Object.values(period.variants)) {
        for (const c of remedy.citations) {
          expect(citationProblem(c)).toBeNull();
          const article = formatCitation(c).replace(/^《[^》]+》(（[^）]+）)?/, '');
          expect(remedy.text).toContain(article);
        }
      }
    }
  });

  it('remedies periods cover every notice date from 2008-05-01 without gaps or overlaps', () => {
    const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(REMEDY_PERIODS[0].from).toBe('2008-05-01');
    for (let i = 1; i < REMEDY_PERIODS.length; i++) expect(REMEDY_PERIODS[i].from).toBe(next(REMEDY_PERIODS[i - 1].to!));
    expect(REMEDY_PERIODS[REMEDY_PERIODS.length - 1].to).toBeNull();
  });
});
