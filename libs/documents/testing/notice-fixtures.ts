// One realistic input per bundled template, used by the golden tests (and handy for API tests
// and previews). The office is the reference user; applicant and facts are invented.
import type { FieldValue, LetterKind, NoticeInput, OfficeProfile, Regime } from '../document.types';

export const FIXTURE_OFFICE: OfficeProfile = {
  name: '临沂市人民政府办公室',
  address: '山东省临沂市北城新区北京路市政府大楼',
  postcode: '276000',
  phone: '0539-0000000',
  contactPerson: '王某',
  reconsiderationOrgan: '临沂市人民政府',
};

const FIELDS: Readonly<Record<LetterKind, Readonly<Record<string, FieldValue>>>> = {
  'registration-receipt': { channel: '当面提交', dueOn: '2026-12-04' },
  'correction-notice': {
    guidance: '政府信息公开申请应当写明所需政府信息的名称、文号或者便于查询的其他特征性描述，以便本机关准确检索',
    correctionItems: ['请写明所需文件的名称或者文号', '请说明所需信息的大致形成时间或者所涉及的具体项目'],
    correctionDeadline: '2026-12-18',
  },
  'third-party-consultation': {
    thirdPartyName: '临沂某建材有限公司',
    affectedInformation: '贵方在2025年度环境影响评价报告中提交的生产工艺和原料配方',
    replyDeadline: '2026-12-18',
  },
  'third-party-disclosure-notice': {
    thirdPartyName: '临沂某建材有限公司',
    affectedInformation: '贵方2025年度环境影响评价报告中的污染物排放数据',
    publicInterest: '该数据涉及周边居民饮用水安全，不公开可能对公共利益造成重大影响',
  },
  'co-maker-consultation': {
    organName: '临沂市财政局',
    coMadeInformation: '《关于2026年城区道路维修资金安排的通知》',
    replyDeadline: '2026-12-18',
  },
  'reasons-request': {
    requestVolume: '您自2026年10月1日至11月4日累计向本机关提出政府信息公开申请86件',
    reasonsDeadline: '2026-11-20',
  },
  'later-reply-date': {
    reasonRequestedOn: '2026-11-06',
    reasonsReceivedOn: '2026-11-18',
    replyBy: '2027-01-29',
    reasons: '您所申请的86件信息涉及2010年以来的多个档案全宗，需要逐件调取和审查',
  },
  'extension-notice': {
    reasons: '申请涉及的信息形成于多个年度，需要调取档案并逐件核查',
    extensionDays: 20,
    extendedDueOn: '2026-12-31',
  },
  'fee-notice': {
    feeBasis: 'per-application',
    feeCalculation: '您2026年11月累计提出政府信息公开申请15件，本申请为第15件，属于第11—30件区间，按100元/件计收',
    feeAmount: '100.00',
    paymentMethod: '临沂市非税收入缴款平台（缴款码随本通知提供）',
    paymentDeadline: '2026-12-28',
  },
  'reply-already-public': {
    whereToGet: '该文件已于2026年3月15日在临沂市人民政府门户网站“政府信息公开—法定主动公开内容—政策文件”栏目公开，您可以登录网站查阅、下载',
  },
  'reply-disclose': {
    provision: '随本告知书一并提供《临沂市2026年城区道路维修计划》复印件1份（共6页）',
    reasons: '该计划与您居住小区周边道路施工直接相关，本机关已一并提供完整文本',
  },
  'reply-partial': {
    disclosedPart: '《关于某路段拆迁补偿安置方案的批复》正文',
    provision: '随本告知书一并提供该批复（区分处理后）复印件1份（共3页）',
    withheld: [
      {
        part: '批复附件中被征收人的姓名、身份证号码和银行账号',
        ground: 'third-party-rights',
        reason: '上述内容属于被征收人的个人隐私，经书面征求意见，被征收人不同意公开',
      },
      {
        part: '批复起草过程中的内部讨论记录',
        ground: 'process-information',
        reason: '该记录是形成批复过程中的讨论意见，并非对外发生效力的决定',
      },
    ],
    reasons: '本机关理解您希望了解补偿安置情况的心情，已经公开的批复正文载明了补偿标准和安置方式，能够满足了解补偿政策的需要',
  },
  'reply-refuse': {
    withheld: [
      {
        part: '申请公开的《某区域防汛应急预案（内部版）》中的重要设施点位图',
        ground: 'security-stability',
        reason: '该点位图标注了重要水利设施的具体位置和防护薄弱环节',
      },
    ],
    reasons: '本机关理解您对防汛安全的关切，面向公众的防汛避险指引已在市政府网站公开，您可以查阅',
  },
  'reply-not-exist': {
    searchDescription: '以“某小区”“规划调整”为关键词，检索了本机关2015年以来的收文、发文登记系统和档案室纸质档案，并向本机关各科室询问',
  },
  'reply-other-organ': {
    reasons: '该建设项目的规划许可由临沂市自然资源和规划局作出，相关信息由该局制作并保存',
    responsibleOrgan: '临沂市自然资源和规划局',
    responsibleOrganContact: '0539-1111111',
  },
  'reply-repeated': {
    previousApplicationNumber: 'LY-2026-000345',
    previousReplyDate: '2026-09-10',
    previousNoticeNumber: '临政公开〔2026〕第8号',
  },
  'reply-special-route': {
    recordType: '不动产登记资料',
    specialLaw: '《不动产登记暂行条例》',
    specialRoute: '请携带身份证明材料到临沂市不动产登记中心申请查询',
  },
  'reply-cannot-create': {
    reasons: '本机关未就全市各县区近十年的信访件数量制作过分年度、分类型的统计表',
    existingInformation: '本机关每年公布的政府信息公开工作年度报告',
  },
  'reply-excessive': {
    requestVolume: '您自2026年10月1日至11月4日累计向本机关提出政府信息公开申请86件',
    reasonRequestedOn: '2026-11-06',
    reasonsDeadline: '2026-11-20',
    reasonsReceivedOn: '2026-11-18',
    reasons: '您未说明申请用途，所列申请内容大量重复且与本机关职责无关',
  },
  'reply-unclear-after-correction': {
    correctionReceivedOn: '2026-11-12',
    reasons: '补正后的申请仍只写明“我家附近那块地的所有文件”，没有写明地块的位置、文件的名称或者形成时间',
  },
  'reply-confirm-or-reissue': {
    reasons: '您要求本机关确认2025年已向您提供的《某路段拆迁补偿安置方案的批复》复印件与原件一致，并重新加盖印章',
  },
  'not-ogi-petition': {
    reasons: '您的来信反映的是邻里纠纷中某单位的违法行为，并要求本机关予以查处',
    properChannel: '临沂市信访局网上信访平台或者“12345”政务服务便民热线',
  },
  'not-ogi-publication': {
    publicationName: '《临沂年鉴（2025）》',
    whereToGet: '临沂市图书馆、临沂市档案馆可供查阅，也可以向出版单位购买',
  },
  'abandonment-correction': {
    correctionNoticeNumber: '临政公开〔2026〕第10号',
    correctionNoticeDeliveredOn: '2026-10-20',
    correctionDeadline: '2026-11-10',
  },
  'abandonment-fee': {
    feeNoticeNumber: '临政公开〔2026〕第11号',
    feeNoticeDeliveredOn: '2026-10-22',
    paymentDeadline: '2026-11-19',
  },
  'withdrawal-confirmation': { withdrawnOn: '2026-11-25', withdrawalMethod: '书面' },
};

/** 2008-regime facts: dated 2019, and withholding on the grounds the 2008 Regulations know. */
const FIELDS_2008: Partial<Record<LetterKind, Readonly<Record<string, FieldValue>>>> = {
  'reply-already-public': {
    whereToGet: '该文件已于2019年3月15日在临沂市人民政府门户网站“政府信息公开”栏目公开，您可以登录网站查阅、下载',
  },
  'reply-disclose': { provision: '随本告知书一并提供《临沂市2019年城区道路维修计划》复印件1份（共5页）' },
  'reply-other-organ': {
    reasons: '该建设项目的规划许可由临沂市规划局作出，相关信息由该局制作并保存',
    responsibleOrgan: '临沂市规划局',
    responsibleOrganContact: '0539-2222222',
  },
  'registration-receipt': { channel: '当面提交', dueOn: '2019-04-22' },
  'extension-notice': { reasons: '申请涉及的信息需要调取档案核查', extensionDays: 15, extendedDueOn: '2019-05-14' },
  'reply-partial': {
    disclosedPart: '《关于某路段拆迁补偿安置方案的批复》正文',
    provision: '随本告知书一并提供该批复（区分处理后）复印件1份（共3页）',
    withheld: [
      {
        part: '批复附件中被征收人的姓名、身份证号码和银行账号',
        ground: 'privacy',
        reason: '上述内容属于被征收人的个人隐私，经书面征求意见，被征收人不同意公开',
      },
    ],
  },
  'reply-refuse': {
    withheld: [
      {
        part: '申请公开的《某区域防汛应急预案（内部版）》中的重要设施点位图',
        ground: 'security-stability',
        reason: '该点位图标注了重要水利设施的具体位置和防护薄弱环节',
      },
    ],
  },
  'correction-notice': {
    guidance: '政府信息公开申请应当写明所需政府信息的内容描述',
    correctionItems: ['请写明所需文件的名称或者文号'],
    correctionDeadline: '2019-04-30',
  },
  'third-party-consultation': {
    thirdPartyName: '临沂某建材有限公司',
    affectedInformation: '贵方提交的生产工艺和原料配方',
    replyDeadline: '2019-04-30',
  },
  'withdrawal-confirmation': { withdrawnOn: '2019-04-12', withdrawalMethod: '书面' },
};

/** What the applicant asked for, where the default request would not fit the letter. */
const REQUESTS: Partial<Record<LetterKind, string>> = {
  'correction-notice': '关于我家附近那块地的所有文件',
  'third-party-consultation': '临沂某建材有限公司的环境影响评价报告',
  'reply-partial': '某路段拆迁补偿安置方案的批复及其附件、起草过程材料',
  'reply-refuse': '《某区域防汛应急预案（内部版）》全文',
  'reply-not-exist': '某小区2015年以来的规划调整文件',
  'reply-other-organ': '某住宅小区建设项目的建设工程规划许可证',
  'reply-special-route': '某房屋的不动产登记簿及权属来源材料',
  'reply-cannot-create': '全市各县区近十年信访件数量的分年度、分类型统计表',
  'reply-excessive': '某街道全部工作人员2010年以来的考勤记录',
  'reasons-request': '某街道全部工作人员2010年以来的考勤记录',
  'later-reply-date': '某街道全部工作人员2010年以来的考勤记录',
  'co-maker-consultation': '《关于2026年城区道路维修资金安排的通知》',
  'reply-unclear-after-correction': '关于我家附近那块地的所有文件',
  'reply-confirm-or-reissue': '确认《某路段拆迁补偿安置方案的批复》复印件与原件一致并重新盖章',
  'not-ogi-petition': '请求查处某单位违法占地行为并公开处理结果',
  'not-ogi-publication': '《临沂年鉴（2025）》',
};

/** 2019-regime letters whose facts need other dates than received 2026-11-05, dated 2026-11-27. */
const DATES: Partial<Record<LetterKind, { receivedOn: string; noticeDate: string }>> = {
  'registration-receipt': { receivedOn: '2026-11-05', noticeDate: '2026-11-05' },
  'abandonment-correction': { receivedOn: '2026-10-13', noticeDate: '2026-11-27' },
  'abandonment-fee': { receivedOn: '2026-10-15', noticeDate: '2026-11-27' },
};

export function fixtureInput(kind: LetterKind, regime: Regime, overrides: Partial<NoticeInput> = {}): NoticeInput {
  const is2008 = regime === '2008';
  const dates = is2008
    ? { receivedOn: '2019-04-01', noticeDate: kind === 'registration-receipt' ? '2019-04-01' : '2019-04-19' }
    : (DATES[kind] ?? { receivedOn: '2026-11-05', noticeDate: '2026-11-27' });
  return {
    kind,
    regime,
    noticeNumber: is2008 ? '临政公开〔2019〕第5号' : '临政公开〔2026〕第12号',
    noticeDate: dates.noticeDate,
    office: FIXTURE_OFFICE,
    applicant: { name: '张某某', type: 'natural_person' },
    application: {
      number: is2008 ? 'LY-2019-000102' : 'LY-2026-000517',
      receivedOn: dates.receivedOn,
      request: REQUESTS[kind] ?? `临沂市${is2008 ? 2019 : 2026}年城区道路维修计划`,
    },
    fields: (is2008 ? FIELDS_2008[kind] : undefined) ?? FIELDS[kind],
    ...overrides,
  };
}
