// Grounds for withholding information, per regime, with the articles they rest on: the one
// list a clerk chooses from when drafting (GET /api/reference/withholding-grounds). A reply
// that refuses (or partly refuses) names one ground per withheld part, so the notice cites the
// exact exemption and the annual report counts it in its row (legal-rules.md section 9).
import type { LetterKind, Regime, WithholdingGround, WithholdingGroundEntry } from './document.types';

export const WITHHOLDING_GROUNDS_BY_REGIME: Readonly<Record<Regime, Partial<Record<WithholdingGround, WithholdingGroundEntry>>>> = {
  '2019': {
    'state-secret': {
      text: '属于依法确定为国家秘密的政府信息',
      citations: [{ law: 'ogi-2019', article: 14 }],
      annualReportRow: '三（三）1',
    },
    'prohibited-by-law': {
      text: '属于法律、行政法规禁止公开的政府信息',
      citations: [{ law: 'ogi-2019', article: 14 }],
      annualReportRow: '三（三）2',
    },
    'security-stability': {
      text: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
      citations: [{ law: 'ogi-2019', article: 14 }],
      annualReportRow: '三（三）3',
    },
    'third-party-rights': {
      text: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
      citations: [{ law: 'ogi-2019', article: 15 }],
      annualReportRow: '三（三）4',
    },
    'internal-affairs': {
      text: '属于行政机关的内部事务信息',
      citations: [{ law: 'ogi-2019', article: 16, paragraph: 1 }],
      annualReportRow: '三（三）5',
    },
    'process-information': {
      text: '属于行政机关在履行行政管理职能过程中形成的过程性信息',
      citations: [{ law: 'ogi-2019', article: 16, paragraph: 2 }],
      annualReportRow: '三（三）6',
    },
    'enforcement-file': {
      text: '属于行政执法案卷信息',
      citations: [{ law: 'ogi-2019', article: 16, paragraph: 2 }],
      annualReportRow: '三（三）7',
    },
    'administrative-query': {
      text: '属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的行政查询事项',
      citations: [{ law: 'ogi-2019', article: 36, item: 7 }],
      annualReportRow: '三（三）8',
    },
    'not-government-information': {
      text: '不属于《中华人民共和国政府信息公开条例》所称的政府信息',
      citations: [
        { law: 'ogi-2019', article: 2 },
        { law: 'ogi-2019', article: 37 },
      ],
      partialOnly: true,
    },
  },
  '2008': {
    'state-secret': {
      text: '涉及国家秘密',
      citations: [{ law: 'ogi-2008', article: 14, paragraph: 4 }],
      annualReportRow: '三（三）1',
    },
    'trade-secret': {
      text: '涉及商业秘密，权利人不同意公开',
      citations: [
        { law: 'ogi-2008', article: 14, paragraph: 4 },
        { law: 'ogi-2008', article: 23 },
      ],
      annualReportRow: '三（三）4',
    },
    privacy: {
      text: '涉及个人隐私，权利人不同意公开',
      citations: [
        { law: 'ogi-2008', article: 14, paragraph: 4 },
        { law: 'ogi-2008', article: 23 },
      ],
      annualReportRow: '三（三）4',
    },
    'security-stability': {
      text: '公开后可能危及国家安全、公共安全、经济安全和社会稳定',
      citations: [{ law: 'ogi-2008', article: 8 }],
      annualReportRow: '三（三）3',
    },
    'unrelated-to-own-need': {
      text: '与申请人自身生产、生活、科研等特殊需要无关',
      citations: [{ law: 'ogi-2008', article: 13 }],
    },
    'not-government-information': {
      text: '不属于《中华人民共和国政府信息公开条例》所称的政府信息',
      citations: [
        { law: 'ogi-2008', article: 2 },
        { law: 'ogi-2008', article: 22 },
      ],
      partialOnly: true,
    },
  },
};

/** The grounds a clerk may choose under a regime, in the order of the list. */
export function withholdingGroundsOf(regime: Regime): { ground: WithholdingGround; entry: WithholdingGroundEntry }[] {
  return Object.entries(WITHHOLDING_GROUNDS_BY_REGIME[regime]).map(([ground, entry]) => ({
    ground: ground as WithholdingGround,
    entry: entry!,
  }));
}

/**
 * Why `ground` cannot be the ground of a withheld part in a `letterKind` letter under `regime`, or
 * null when it can: the one check behind the letter's citation (notice.renderer) and the draft's
 * validation (libs/case).
 */
export function withholdingGroundProblem(ground: unknown, regime: Regime, letterKind: LetterKind): string | null {
  const entry = typeof ground === 'string' ? WITHHOLDING_GROUNDS_BY_REGIME[regime][ground as WithholdingGround] : undefined;
  if (!entry) {
    const allowed = Object.keys(WITHHOLDING_GROUNDS_BY_REGIME[regime]).join(', ');
    return `ground ${ground === undefined ? 'is missing' : `"${String(ground)}" does not exist`} under the ${regime} regime (${allowed})`;
  }
  if (entry.partialOnly && letterKind !== 'reply-partial')
    return `ground "${String(ground)}" is only for the withheld parts of a partial disclosure`;
  return null;
}

/** The annual report's row key (三.三.n) of a ground under a regime, or null when the ground has none. */
export function annualReportRowOf(ground: string, regime: Regime): string | null {
  const row = WITHHOLDING_GROUNDS_BY_REGIME[regime][ground as WithholdingGround]?.annualReportRow;
  const m = row ? /^三（三）(\d)$/.exec(row) : null;
  return m ? `三.三.${m[1]}` : null;
}
