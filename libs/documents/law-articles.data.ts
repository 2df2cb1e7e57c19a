// Article tables of the laws the letters cite: article number -> short Chinese summary.
// Only articles whose number and content we are sure of are listed; a template citing anything
// else fails its test (templates.spec.ts). Summaries paraphrase; they are not the official text.
import type { LawId, LawTable } from './document.types';

const OGI_TITLE = '中华人民共和国政府信息公开条例';

export const OGI_2019: LawTable = {
  id: 'ogi-2019',
  title: OGI_TITLE,
  enactedBy: '国务院令第711号',
  inForceFrom: '2019-05-15',
  articles: {
    2: { title: '政府信息的定义：行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息' },
    10: { title: '负责公开政府信息的行政机关（制作机关、保存机关、牵头制作机关）' },
    13: { title: '以公开为常态：除第十四条、第十五条、第十六条规定的外，政府信息应当公开' },
    14: { title: '不予公开：国家秘密；法律、行政法规禁止公开；公开后可能危及国家安全、公共安全、经济安全、社会稳定' },
    15: { title: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益的，不得公开；第三方同意或者不公开会对公共利益造成重大影响的除外' },
    16: {
      title: '可以不予公开：内部事务信息；过程性信息和行政执法案卷信息',
      paragraphs: 2,
    },
    17: { title: '政府信息公开审查机制（保密审查）' },
    27: { title: '申请获取政府信息的权利' },
    29: { title: '申请的形式与内容', paragraphs: 2 },
    30: { title: '申请内容不明确的，7个工作日内一次性告知补正；逾期不补正视为放弃申请' },
    31: {
      title: '收到申请的时间',
      items: { 1: '当面提交：提交之日', 2: '邮寄：签收之日；平常信函：确认之日', 3: '互联网渠道、传真：双方确认之日' },
    },
    32: { title: '书面征求第三方意见，第三方自收到征求意见书之日起15个工作日内提出意见' },
    33: {
      title: '答复期限：能够当场答复的当场答复；20个工作日，经负责人同意可延长不超过20个工作日；征求意见时间不计算在内',
      paragraphs: 3,
    },
    34: { title: '共同制作的政府信息，征求相关行政机关意见，15个工作日内未提出意见视为同意公开' },
    35: { title: '申请数量、频次明显超过合理范围的，可以要求说明理由；理由不合理的不予处理' },
    36: {
      title: '答复的类型',
      items: {
        1: '已经主动公开的，告知获取的方式、途径',
        2: '可以公开的，提供或者告知获取的方式、途径和时间',
        3: '决定不予公开的，告知并说明理由',
        4: '经检索没有所申请公开信息的，告知该政府信息不存在',
        5: '不属于本行政机关负责公开的，告知并说明理由，能够确定负责公开的机关的，告知其名称、联系方式',
        6: '已作出答复、重复申请相同政府信息的，告知不予重复处理',
        7: '工商、不动产登记资料等有特别规定的，告知依照有关法律、行政法规的规定办理',
      },
    },
    37: { title: '部分公开：能够作区分处理的，提供可以公开的内容，对不予公开的内容说明理由' },
    38: { title: '提供已制作或者获取的政府信息；需要加工、分析的，可以不予提供' },
    39: {
      title: '以申请形式进行信访、投诉、举报的，不作为政府信息公开申请处理；要求提供公开出版物的，告知获取途径',
      paragraphs: 2,
    },
    40: { title: '提供政府信息的具体形式' },
    41: { title: '与本人相关的政府信息记录不准确的，可以要求更正' },
    42: { title: '依申请提供政府信息不收费；数量、频次明显超过合理范围的，可以收取信息处理费', paragraphs: 2 },
    43: { title: '为存在阅读困难或者视听障碍的申请人提供必要的帮助' },
    51: { title: '投诉、举报，申请行政复议或者提起行政诉讼' },
  },
};

export const OGI_2008: LawTable = {
  id: 'ogi-2008',
  title: OGI_TITLE,
  enactedBy: '国务院令第492号',
  inForceFrom: '2008-05-01',
  inForceUntil: '2019-05-14',
  articles: {
    2: { title: '政府信息的定义：行政机关在履行职责过程中制作或者获取的，以一定形式记录、保存的信息' },
    8: { title: '公开政府信息，不得危及国家安全、公共安全、经济安全和社会稳定' },
    13: { title: '根据自身生产、生活、科研等特殊需要申请获取政府信息（“三需要”）' },
    14: {
      title: '保密审查；不得公开涉及国家秘密、商业秘密、个人隐私的政府信息（权利人同意或者公共利益需要的除外）',
      paragraphs: 4,
    },
    17: { title: '负责公开政府信息的行政机关' },
    20: { title: '申请的形式与内容' },
    21: {
      title: '答复的类型',
      items: {
        1: '属于公开范围的，告知获取的方式和途径',
        2: '属于不予公开范围的，告知并说明理由',
        3: '不属于本机关公开或者该政府信息不存在的，告知；能够确定公开机关的，告知其名称和联系方式',
        4: '申请内容不明确的，告知作出更改、补充',
      },
    },
    22: { title: '含有不应当公开的内容，能够作区分处理的，提供可以公开的内容' },
    23: { title: '涉及商业秘密、个人隐私的，书面征求第三方意见；第三方不同意的不得公开，公共利益需要的除外' },
    24: {
      title: '答复期限：能够当场答复的当场答复；15个工作日，经负责人同意可延长不超过15个工作日；征求第三方意见时间不计算在内',
      paragraphs: 3,
    },
    25: { title: '出示身份证明；要求更正与本人相关的不准确记录', paragraphs: 2 },
    26: { title: '按照申请人要求的形式提供；无法按要求形式提供的，以查阅、复制件等适当形式提供' },
    27: { title: '只可收取检索、复制、邮寄等成本费用' },
    28: { title: '经济困难的减免费用；为阅读困难或者视听障碍的申请人提供帮助' },
    33: { title: '举报；申请行政复议或者提起行政诉讼' },
  },
};

export const RECONSIDERATION_2023: LawTable = {
  id: 'reconsideration-2023',
  title: '中华人民共和国行政复议法',
  enactedBy: '全国人民代表大会常务委员会（2023年9月1日修订）',
  inForceFrom: '2024-01-01',
  articles: {
    20: { title: '自知道或者应当知道行政行为之日起六十日内提出行政复议申请' },
    23: {
      title: '应当先申请行政复议的情形；行政机关作出行政行为时应当告知先申请行政复议',
      paragraphs: 2,
      itemsInParagraph: 1,
      items: {
        1: '对当场作出的行政处罚决定不服',
        2: '对侵犯已经依法取得的自然资源所有权或者使用权的决定不服',
        3: '认为行政机关存在本法第十一条规定的未履行法定职责情形',
        4: '申请政府信息公开，行政机关不予公开',
        5: '法律、行政法规规定应当先申请行政复议的其他情形',
      },
    },
  },
};

export const RECONSIDERATION_1999: LawTable = {
  id: 'reconsideration-1999',
  title: '中华人民共和国行政复议法',
  enactedBy: '全国人民代表大会常务委员会（1999年通过，2009年、2017年修正）',
  inForceFrom: '1999-10-01',
  inForceUntil: '2023-12-31',
  articles: {
    9: { title: '自知道该具体行政行为之日起六十日内提出行政复议申请' },
  },
};

export const LITIGATION_2017: LawTable = {
  id: 'litigation-2017',
  title: '中华人民共和国行政诉讼法',
  enactedBy: '全国人民代表大会（1989年通过，2014年、2017年修正）',
  inForceFrom: '2015-05-01',
  articles: {
    44: { title: '可以先申请行政复议，也可以直接提起诉讼；法律、法规规定复议前置的，依照其规定' },
    45: { title: '不服复议决定的，自收到复议决定书之日起十五日内起诉；复议机关逾期不作决定的，自复议期满之日起十五日内起诉' },
    46: { title: '直接向人民法院提起诉讼的，自知道或者应当知道作出行政行为之日起六个月内提出' },
  },
};

export const LITIGATION_1989: LawTable = {
  id: 'litigation-1989',
  title: '中华人民共和国行政诉讼法',
  enactedBy: '全国人民代表大会（1989年通过）',
  inForceFrom: '1990-10-01',
  inForceUntil: '2015-04-30',
  articles: {
    39: { title: '直接向人民法院提起诉讼的，应当在知道作出具体行政行为之日起三个月内提出' },
  },
};

export const FEE_MEASURES_2020: LawTable = {
  id: 'fee-measures-2020',
  title: '政府信息公开信息处理费管理办法',
  documentNumber: '国办函〔2020〕109号',
  enactedBy: '国务院办公厅',
  inForceFrom: '2021-01-01',
  articles: {
    3: { title: '可以按件计收或者按量计收，超额累进，不得同时按照两种标准重复计算' },
    4: { title: '按件计收：同一申请人一个自然月内10件以下不收费，11—30件100元/件，31件以上每10件一档每档提高100元/件' },
    5: { title: '按量计收：30页以下不收费，31—100页10元/页，101—200页20元/页，201页以上40元/页' },
  },
};

export const LAW_TABLES: Readonly<Record<LawId, LawTable>> = {
  'ogi-2008': OGI_2008,
  'ogi-2019': OGI_2019,
  'reconsideration-1999': RECONSIDERATION_1999,
  'reconsideration-2023': RECONSIDERATION_2023,
  'litigation-1989': LITIGATION_1989,
  'litigation-2017': LITIGATION_2017,
  'fee-measures-2020': FEE_MEASURES_2020,
};

/** The OGI Regulations of a regime. */
export const ogiLawOf = (regime: '2008' | '2019'): LawId => (regime === '2008' ? 'ogi-2008' : 'ogi-2019');
