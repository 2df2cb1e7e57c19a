// Letter templates for cases under the 2008 Regulations (State Council Order 492): applications
// received before 2019-05-15. Replies map onto the four kinds of Art. 21 plus Art. 22 (partial);
// kinds the 2008 Regulations do not know are listed in KINDS_WITHOUT_2008_TEMPLATE.
import type { LetterKind, NoticeTemplate } from '../document.types';
import {
  CLOSING_NOTICE,
  CONTACT,
  OPTIONAL_REASONS,
  REASONS_OPTIONAL,
  REASONS_REQUIRED,
  RECEIVED_OPENING,
  REMEDIES,
  REPLY_OPENING,
  WITHHELD_ITEM_TEXT,
} from './template-fragments.data';

const R = '2008' as const;

export const TEMPLATES_2008: readonly NoticeTemplate[] = [
  {
    id: 'registration-receipt.2008',
    kind: 'registration-receipt',
    regime: R,
    version: 1,
    title: '政府信息公开申请登记回执',
    noun: '回执',
    addressee: '{{applicantName}}',
    fields: [
      { name: 'channel', label: '提交方式', type: 'text', required: true },
      { name: 'dueOn', label: '答复期限届满日', type: 'date', required: true },
    ],
    paragraphs: [
      {
        text: '本机关于{{receivedOn}}收到{{pronoun}}以{{channel}}方式提出的政府信息公开申请，已予登记，登记编号为{{applicationNumber}}。{{pronoun}}申请获取的政府信息为：“{{request}}”。',
      },
      {
        text: '依照{{basis}}的规定，本机关将自收到申请之日起15个工作日内，即于{{dueOn}}前作出答复。需要延长答复期限的，本机关将经政府信息公开工作机构负责人同意后告知{{pronoun}}，延长的期限最长不超过15个工作日；征求第三方意见所需时间不计算在答复期限内。',
      },
      { text: '{{pronoun}}查询办理进度时，请提供上述登记编号。' },
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 24, paragraph: 2 },
      { law: 'ogi-2008', article: 24, paragraph: 3 },
    ],
    remedies: 'none',
  },
  {
    id: 'correction-notice.2008',
    kind: 'correction-notice',
    regime: R,
    version: 1,
    title: '政府信息公开申请更改、补充告知书',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(4). The 2008 Regulations set no correction window and no deemed abandonment, so the letter states neither.',
    fields: [
      { name: 'guidance', label: '指导和说明', type: 'text', required: true },
      { name: 'correctionItems', label: '需要更改、补充的事项', type: 'list', required: true },
      { name: 'correctionDeadline', label: '请申请人提交更改、补充的日期', type: 'date', required: true },
    ],
    paragraphs: [
      RECEIVED_OPENING,
      { text: '经审查，{{pronoun}}的申请内容不明确，本机关无法据此确定{{pronoun}}所需要的政府信息。{{guidance}}。' },
      { text: '依照{{basis}}的规定，请{{pronoun}}对申请作出以下更改、补充：' },
      { text: '{{item.no}}{{item.text}}。', role: 'item', each: 'correctionItems' },
      { text: '请{{pronoun}}于{{correctionDeadline}}前将更改、补充后的申请提交本机关，本机关收到后将依法作出答复。' },
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 20 },
      { law: 'ogi-2008', article: 21, item: 4 },
    ],
    remedies: 'none',
  },
  {
    id: 'third-party-disclosure-notice.2008',
    kind: 'third-party-disclosure-notice',
    regime: R,
    version: 1,
    title: '政府信息公开决定书面告知书（第三方）',
    noun: '告知书',
    addressee: '{{thirdPartyName}}',
    note: "Art. 23: the office discloses over the third party's objection because non-disclosure would seriously harm the public interest, and tells the third party in writing the content and the reasons. Names the application number, never the applicant.",
    fields: [
      { name: 'thirdPartyName', label: '第三方名称或者姓名', type: 'text', required: true },
      { name: 'affectedInformation', label: '决定公开的涉及第三方的政府信息内容', type: 'text', required: true },
      { name: 'publicInterest', label: '决定公开的理由（不公开可能对公共利益造成重大影响）', type: 'text', required: true },
    ],
    paragraphs: [
      {
        text: '本机关于{{receivedOn}}收到一份政府信息公开申请（申请编号：{{applicationNumber}}），申请获取“{{request}}”。本机关曾就此书面征求贵方意见，贵方不同意公开。',
      },
      {
        text: '经审查，本机关认为不公开可能对公共利益造成重大影响，理由是：{{publicInterest}}。依照{{basis}}的规定，本机关决定予以公开，现将决定公开的政府信息内容和理由书面告知贵方。决定公开的政府信息内容：{{affectedInformation}}。',
      },
      { text: '特此告知。', role: 'closing' },
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 14, paragraph: 4 },
      { law: 'ogi-2008', article: 23 },
    ],
    remedies: 'none',
  },
  {
    id: 'third-party-consultation.2008',
    kind: 'third-party-consultation',
    regime: R,
    version: 2,
    title: '政府信息公开征求第三方意见函',
    noun: '函',
    addressee: '{{thirdPartyName}}',
    note: 'Art. 23: third parties only (trade secrets, privacy); the 2008 Regulations have no co-maker consultation. Names the application number and what was asked, never the applicant.',
    fields: [
      { name: 'thirdPartyName', label: '第三方名称或者姓名', type: 'text', required: true },
      { name: 'affectedInformation', label: '涉及第三方的信息（不填写的，指申请的信息全部）', type: 'text', required: false },
      { name: 'replyDeadline', label: '请第三方提出意见的日期', type: 'date', required: true },
    ],
    paragraphs: [
      { text: '本机关于{{receivedOn}}收到一份政府信息公开申请（申请编号：{{applicationNumber}}），申请获取“{{request}}”。' },
      {
        text: '经审查，申请公开的政府信息中涉及{{affectedInformation}}，可能涉及贵方的商业秘密或者个人隐私，公开后可能损害贵方的合法权益。',
        when: 'affectedInformation',
      },
      {
        text: '经审查，该政府信息可能涉及贵方的商业秘密或者个人隐私，公开后可能损害贵方的合法权益。',
        unless: 'affectedInformation',
      },
      {
        text: '依照{{basis}}的规定，现书面征求贵方意见。请贵方于{{replyDeadline}}前以书面形式提出是否同意公开的意见；不同意公开的，请一并说明理由。',
      },
      {
        text: '贵方不同意公开的，本机关不予公开；但是，本机关认为不公开可能对公共利益造成重大影响的，将予以公开，并将决定公开的政府信息内容和理由书面通知贵方。',
      },
      { text: '特此函告。', role: 'closing' },
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 23 },
      { law: 'ogi-2008', article: 24, paragraph: 3 },
    ],
    remedies: 'none',
  },
  {
    id: 'extension-notice.2008',
    kind: 'extension-notice',
    regime: R,
    version: 1,
    title: '政府信息公开申请延期答复告知书',
    noun: '告知书',
    addressee: '{{applicantName}}',
    fields: [
      { name: 'reasons', label: '延期理由', type: 'text', required: true },
      { name: 'extensionDays', label: '延长的工作日数', type: 'integer', required: true, min: 1, max: 15 },
      { name: 'extendedDueOn', label: '延长后的答复期限届满日', type: 'date', required: true },
    ],
    paragraphs: [
      RECEIVED_OPENING,
      {
        text: '因{{reasons}}，本机关无法在法定期限内作出答复。经本机关政府信息公开工作机构负责人同意，依照{{basis}}的规定，答复期限延长{{extensionDays}}个工作日，本机关将于{{extendedDueOn}}前作出答复。',
      },
      { text: '由此给{{pronoun}}带来的不便，敬请谅解。' },
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [{ law: 'ogi-2008', article: 24, paragraph: 2 }],
    remedies: 'none',
  },
  {
    id: 'reply-already-public.2008',
    kind: 'reply-already-public',
    regime: R,
    version: 1,
    title: '政府信息公开申请答复告知书（已主动公开）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(1): information within the scope of disclosure, here already proactively disclosed.',
    fields: [{ name: 'whereToGet', label: '获取方式和途径', type: 'text', required: true }, REASONS_OPTIONAL],
    paragraphs: [
      REPLY_OPENING,
      {
        text: '{{pronoun}}申请获取的政府信息属于公开范围，本机关已经主动公开。依照{{basis}}的规定，现将获取该政府信息的方式和途径告知如下：{{whereToGet}}。',
      },
      OPTIONAL_REASONS,
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [{ law: 'ogi-2008', article: 21, item: 1 }],
    remedies: 'standard',
  },
  {
    id: 'reply-disclose.2008',
    kind: 'reply-disclose',
    regime: R,
    version: 1,
    title: '政府信息公开申请答复告知书（予以公开）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(1) with the form of Art. 26.',
    fields: [{ name: 'provision', label: '获取该政府信息的方式和途径', type: 'text', required: true }, REASONS_OPTIONAL],
    paragraphs: [
      REPLY_OPENING,
      { text: '经审查，{{pronoun}}申请获取的政府信息属于公开范围，本机关决定予以公开。' },
      OPTIONAL_REASONS,
      { text: '依照{{basis}}的规定，获取该政府信息的方式和途径如下：{{provision}}。' },
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 21, item: 1 },
      { law: 'ogi-2008', article: 26 },
    ],
    remedies: 'standard',
  },
  {
    id: 'reply-partial.2008',
    kind: 'reply-partial',
    regime: R,
    version: 1,
    title: '政府信息公开申请答复告知书（部分公开）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 22 (区分处理); each withheld part names its ground (Art. 8, 13, 14, 23).',
    fields: [
      { name: 'disclosedPart', label: '予以公开的部分', type: 'text', required: true },
      { name: 'provision', label: '获取该政府信息的方式和途径', type: 'text', required: true },
      { name: 'withheld', label: '不予公开的部分、依据和理由', type: 'withheld', required: true },
      REASONS_OPTIONAL,
    ],
    paragraphs: [
      REPLY_OPENING,
      {
        text: '经审查，{{pronoun}}申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。依照{{basis}}的规定，本机关决定对可以公开的部分予以公开，对其余部分不予公开。具体如下：',
      },
      { text: '一、予以公开的部分：{{disclosedPart}}。获取方式和途径：{{provision}}。' },
      { text: '二、不予公开的部分及理由：' },
      { text: WITHHELD_ITEM_TEXT, role: 'item', each: 'withheld' },
      OPTIONAL_REASONS,
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 22 },
      { law: 'ogi-2008', article: 26 },
    ],
    remedies: 'partial',
  },
  {
    id: 'reply-refuse.2008',
    kind: 'reply-refuse',
    regime: R,
    version: 1,
    title: '政府信息公开申请答复告知书（不予公开）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(2); each withheld part names its ground.',
    fields: [{ name: 'withheld', label: '不予公开的信息、依据和理由', type: 'withheld', required: true }, REASONS_OPTIONAL],
    paragraphs: [
      REPLY_OPENING,
      { text: '经审查，{{pronoun}}申请获取的政府信息属于不予公开的范围。理由如下：' },
      { text: WITHHELD_ITEM_TEXT, role: 'item', each: 'withheld' },
      OPTIONAL_REASONS,
      { text: '综上，依照{{basis}}的规定，本机关决定不予公开。' },
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [{ law: 'ogi-2008', article: 21, item: 2 }],
    remedies: 'refusal',
  },
  {
    id: 'reply-not-exist.2008',
    kind: 'reply-not-exist',
    regime: R,
    version: 2,
    title: '政府信息公开申请答复告知书（信息不存在）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(3), second case.',
    fields: [{ name: 'searchDescription', label: '检索经过', type: 'text', required: true }, REASONS_OPTIONAL],
    paragraphs: [
      REPLY_OPENING,
      { text: '本机关收到申请后，{{searchDescription}}。经检索，本机关没有制作或者获取{{pronoun}}所申请公开的政府信息。' },
      OPTIONAL_REASONS,
      { text: '依照{{basis}}的规定，现告知{{pronoun}}：{{pronoun}}所申请公开的政府信息不存在。' },
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [{ law: 'ogi-2008', article: 21, item: 3 }],
    remedies: 'refusal',
  },
  {
    id: 'reply-other-organ.2008',
    kind: 'reply-other-organ',
    regime: R,
    version: 2,
    title: '政府信息公开申请答复告知书（非本机关公开）',
    noun: '告知书',
    addressee: '{{applicantName}}',
    note: 'Art. 21(3), first case; Art. 17 says which organ discloses.',
    fields: [
      REASONS_REQUIRED,
      { name: 'responsibleOrgan', label: '负责公开的行政机关（能够确定的）', type: 'text', required: false },
      { name: 'responsibleOrganContact', label: '该机关的联系方式', type: 'text', required: false },
    ],
    paragraphs: [
      REPLY_OPENING,
      { text: '经审查，{{pronoun}}所申请公开的政府信息依法不属于本机关公开。理由是：{{reasons}}。' },
      {
        text: '依照{{basis}}的规定，现告知{{pronoun}}：负责公开该政府信息的行政机关为{{responsibleOrgan}}，联系方式：{{responsibleOrganContact}}。{{pronoun}}可以向该机关提出申请。',
        when: 'responsibleOrgan',
      },
      {
        text: '依照{{basis}}的规定，特此告知。本机关经查询，尚不能确定负责公开该政府信息的行政机关。',
        unless: 'responsibleOrgan',
      },
      REMEDIES,
      CLOSING_NOTICE,
      CONTACT,
    ],
    citations: [
      { law: 'ogi-2008', article: 17 },
      { law: 'ogi-2008', article: 21, item: 3 },
    ],
    remedies: 'refusal',
  },
  {
    id: 'withdrawal-confirmation.2008',
    kind: 'withdrawal-confirmation',
    regime: R,
    version: 1,
    title: '撤回政府信息公开申请确认书',
    noun: '确认书',
    addressee: '{{applicantName}}',
    note: 'Withdrawal is the applicant’s own act; nothing is cited and no remedies are given.',
    fields: [
      { name: 'withdrawnOn', label: '申请撤回的日期', type: 'date', required: true },
      { name: 'withdrawalMethod', label: '撤回方式', type: 'text', required: true },
    ],
    paragraphs: [
      RECEIVED_OPENING,
      {
        text: '{{pronoun}}于{{withdrawnOn}}以{{withdrawalMethod}}方式向本机关申请撤回上述政府信息公开申请。本机关确认该申请已经撤回，自{{withdrawnOn}}起终止办理。',
      },
      { text: '{{pronoun}}如仍需要获取相关政府信息，可以依法重新提出申请。' },
      { text: '特此确认。', role: 'closing' },
      CONTACT,
    ],
    citations: [],
    remedies: 'none',
  },
];

/**
 * Letters with no 2008 template, and what a 2008-regime case does instead. The 2008 Regulations
 * have no article for these; where State Council General Office guidance filled the gap it is
 * named, but not cited in letters.
 */
export const KINDS_WITHOUT_2008_TEMPLATE: Readonly<Partial<Record<LetterKind, string>>> = {
  'fee-notice':
    'The 2008 Regulations (Art. 27) allowed only cost fees (检索、复制、邮寄) at separately set rates; the processing fee of 国办函〔2020〕109号 applies from 2021 to 2019-regime cases only.',
  'reply-repeated':
    'No article. Guidance of the State Council General Office (国办发〔2008〕36号) let offices not answer the same repeated request again; there is no 2008 letter for it.',
  'reply-special-route':
    'No article. Answer under Art. 21(1) (reply-disclose.2008 / reply-already-public.2008) naming the registration authority as the way to obtain the records.',
  'reply-cannot-create':
    'No article. Guidance (国办发〔2010〕5号) said offices generally need not compile or process information; answer under Art. 21(3) with reply-not-exist.2008 and explain in the reasons.',
  'reply-excessive': 'No article. Guidance (国办发〔2008〕36号, 国办发〔2010〕5号) only; no 2008 letter.',
  'co-maker-consultation':
    'The 2008 Regulations (Art. 23) consult third parties only; consulting a co-making organ is Art. 34 of the 2019 Regulations.',
  'reasons-request': 'Art. 35 (reasons for a very large number of requests) exists only in the 2019 Regulations.',
  'later-reply-date': 'Art. 35 (a later reply day for a reasonable but very large request) exists only in the 2019 Regulations.',
  'reply-unclear-after-correction':
    'Art. 21(4) only asks the applicant to change or supplement the request; a still unclear request gets another correction-notice.2008.',
  'reply-confirm-or-reissue':
    'No article; the row 不予处理-5 exists only in the annual report format of 国办公开办函〔2021〕30号 (2019 regime).',
  'not-ogi-petition':
    'No article. Guidance (国办发〔2010〕5号) sent petitions and complaints to the 信访 channel; the 2019 Art. 39 letter has no 2008 counterpart.',
  'not-ogi-publication': 'No article; a 2008-regime request for publications is answered as reply-already-public.2008 (Art. 21(1)).',
  'abandonment-correction': 'The 2008 Regulations have no deemed abandonment after a correction request (Art. 21(4) only).',
  'abandonment-fee': 'Processing fees exist only under 国办函〔2020〕109号 (2019 regime, from 2021).',
};
