import { contentHash } from './content-hash.util';
import { NoticeInputError, OfficeMismatchError } from './document.errors';
import type { NoticeInput } from './document.types';
import { toHtml } from './notice-html.renderer';
import { formatNoticeNumber, parseNoticeNumber } from './notice-number.util';
import { renderNotice } from './notice.renderer';
import { PlaceholderError } from './placeholder.engine';
import { getTemplate } from './templates/notice-template.registry';
import { FIXTURE_OFFICE, fixtureInput } from './testing/notice-fixtures';

const withFields = (input: NoticeInput, fields: NoticeInput['fields']): NoticeInput => ({ ...input, fields });

describe('renderNotice', () => {
  it('states the case facts, the decision, its basis and the office', () => {
    const n = renderNotice(fixtureInput('reply-refuse', '2019'));
    expect(n.templateId).toBe('reply-refuse.2019');
    expect(n.title).toBe('政府信息公开申请答复告知书（不予公开）');
    expect(n.noticeNumber).toBe('临政公开〔2026〕第12号');
    expect(n.addressee).toBe('张某某');
    expect(n.dateText).toBe('2026年11月27日');
    expect(n.text).toContain('本机关于2026年11月5日收到您提出的政府信息公开申请（申请编号：LY-2026-000517）');
    expect(n.text).toContain('依照《中华人民共和国政府信息公开条例》第十四条的规定，不予公开');
    expect(n.text).toContain('依照《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定不予公开');
    expect(n.text).toContain('本机关理解您对防汛安全的关切');
    expect(n.text.trimEnd().endsWith('临沂市人民政府办公室\n2026年11月27日')).toBe(true);
    expect(n.citations.map((c) => c.text)).toEqual(
      expect.arrayContaining(['《中华人民共和国政府信息公开条例》第三十六条第（三）项', '《中华人民共和国政府信息公开条例》第十四条']),
    );
  });

  it('never names the office as the organ that reviews its own act, and never falls back to it (issue 15 point 7)', () => {
    const own = fixtureInput('reply-refuse', '2019', { office: { ...FIXTURE_OFFICE, reconsiderationOrgan: FIXTURE_OFFICE.name } });
    expect(() => renderNotice(own)).toThrow(NoticeInputError);
    expect(() => renderNotice(own)).toThrow(/is the office itself/);
    const none = fixtureInput('reply-refuse', '2019', { office: { ...FIXTURE_OFFICE, reconsiderationOrgan: ' ' } });
    expect(() => renderNotice(none)).toThrow(/office\.reconsiderationOrgan is required/);
  });

  it('addresses an organisation as 你单位', () => {
    const n = renderNotice(
      fixtureInput('reply-disclose', '2019', {
        applicant: { name: '临沂某律师事务所', type: 'legal_person' },
        fields: { provision: '随本告知书一并提供复印件1份（共6页）' },
      }),
    );
    expect(n.text).toContain('收到你单位提出的');
    expect(n.text).not.toContain('您');
  });

  it('requires the fields the template declares, and only those', () => {
    const base = fixtureInput('reply-disclose', '2019');
    expect(() => renderNotice(withFields(base, {}))).toThrow(/field "provision" .* is required/);
    expect(() => renderNotice(withFields(base, { provision: '当场提供', provison: 'typo' }))).toThrow(/Field "provison" is not used/);
    expect(() => renderNotice({ ...fixtureInput('registration-receipt', '2019'), reasons: '无' })).toThrow(NoticeInputError);
  });

  it('rejects a ground that does not exist in the regime, or is for partial disclosure only', () => {
    const refuse = fixtureInput('reply-refuse', '2008');
    const part = { part: '某文件', reason: '理由' };
    expect(() => renderNotice(withFields(refuse, { withheld: [{ ...part, ground: 'process-information' }] }))).toThrow(
      /ground "process-information" does not exist under the 2008 regime/,
    );
    expect(() =>
      renderNotice(withFields(fixtureInput('reply-refuse', '2019'), { withheld: [{ ...part, ground: 'not-government-information' }] })),
    ).toThrow(/only for the withheld parts of a partial disclosure/);
  });

  it('keeps an extension within the legal maximum of the regime', () => {
    const input = fixtureInput('extension-notice', '2008');
    expect(() => renderNotice(withFields(input, { ...input.fields, extensionDays: 20 }))).toThrow(/between 1 and 15/);
    expect(renderNotice(fixtureInput('extension-notice', '2019')).text).toContain('答复期限延长20个工作日');
  });

  it('names the other organ and its contact when known, and says so when not', () => {
    const known = renderNotice(fixtureInput('reply-other-organ', '2019'));
    expect(known.text).toContain('负责公开该政府信息的行政机关为临沂市自然资源和规划局，联系方式：0539-1111111');
    const input = fixtureInput('reply-other-organ', '2019');
    const unknown = renderNotice(withFields(input, { reasons: '该信息不是本机关制作或者保存的' }));
    expect(unknown.text).toContain('尚不能确定负责公开该政府信息的行政机关');
    expect(() => renderNotice(withFields(input, { reasons: '理由', responsibleOrgan: '某局' }))).toThrow(PlaceholderError);
  });

  it('cites only the chosen fee basis', () => {
    const input = fixtureInput('fee-notice', '2019');
    const perVolume = renderNotice(withFields(input, { ...input.fields, feeBasis: 'per-volume' }));
    expect(perVolume.text).toContain('计费方式：按量计收');
    expect(perVolume.citations.map((c) => c.article)).toContain(5);
    expect(perVolume.citations.filter((c) => c.law === 'fee-measures-2020').map((c) => c.article)).not.toContain(4);
  });

  it('refuses a regime that does not match the receipt date, and a notice dated before receipt', () => {
    expect(() => renderNotice(fixtureInput('reply-disclose', '2019', { regime: '2008' }))).toThrow();
    expect(() => renderNotice(fixtureInput('reply-disclose', '2019', { noticeDate: '2026-11-01' }))).toThrow(/before the receipt date/);
    const wrongRegime = { ...fixtureInput('reply-disclose', '2008'), template: getTemplate('reply-disclose', '2008') };
    expect(() =>
      renderNotice({ ...wrongRegime, application: { ...wrongRegime.application, receivedOn: '2019-05-15' }, noticeDate: '2019-06-01' }),
    ).toThrow(/under the 2019 regime/);
  });

  it('renders an administrator template version and rejects an invalid one', () => {
    const t = getTemplate('reply-disclose', '2019');
    const v2 = { ...t, version: 2, paragraphs: [...t.paragraphs, { text: '感谢{{pronoun}}对本机关工作的关注。' }] };
    const n = renderNotice({ ...fixtureInput('reply-disclose', '2019'), template: v2 });
    expect(n.templateVersion).toBe(2);
    expect(n.text).toContain('感谢您对本机关工作的关注。');
    const bad = { ...t, version: 3, paragraphs: [{ text: '致{{applicantNmae}}' }] };
    expect(() => renderNotice({ ...fixtureInput('reply-disclose', '2019'), template: bad })).toThrow(
      /unknown placeholder \{\{applicantNmae\}\}/,
    );
    const wrongLaw = { ...t, version: 4, citations: [{ law: 'ogi-2008' as const, article: 21, item: 1 }] };
    expect(() => renderNotice({ ...fixtureInput('reply-disclose', '2019'), template: wrongLaw })).toThrow(/cites ogi-2008/);
  });
});

describe('toHtml', () => {
  it('escapes everything that comes from the case', () => {
    const n = renderNotice(
      fixtureInput('reply-disclose', '2019', { applicant: { name: '<img src=x onerror=alert(1)>', type: 'natural_person' } }),
    );
    const html = toHtml(n, FIXTURE_OFFICE);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;：');
    expect(html).toContain('<div class="seal"');
    expect(html).toContain('@page { size: A4;');
  });

  it('refuses to lay a notice out under another office', () => {
    const n = renderNotice(fixtureInput('reply-disclose', '2019'));
    expect(() => toHtml(n, { name: '临沂市教育局' })).toThrow(OfficeMismatchError);
  });
});

describe('notice numbers and hashes', () => {
  it('formats and parses notice numbers', () => {
    expect(formatNoticeNumber({ prefix: '临政公开', year: 2026, serial: 12 })).toBe('临政公开〔2026〕第12号');
    expect(formatNoticeNumber({ prefix: '临政办公开', year: 2026, serial: 7, withDi: false, pad: 3 })).toBe('临政办公开〔2026〕007号');
    expect(parseNoticeNumber('临政公开〔2026〕第12号')).toEqual({ prefix: '临政公开', year: 2026, serial: 12, withDi: true, pad: 2 });
    expect(() => formatNoticeNumber({ prefix: '临政公开', year: 2026, serial: 0 })).toThrow(RangeError);
    expect(() => formatNoticeNumber({ prefix: '临政〔公开', year: 2026, serial: 1 })).toThrow(TypeError);
  });

  it('hashes content with SHA-256', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash(Buffer.from('abc'))).toBe(contentHash('abc'));
  });
});
