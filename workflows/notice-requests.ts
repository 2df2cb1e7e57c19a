// Which letters a case step issues (legal-rules.md section 7), and the case facts each letter
// takes from the workflow state. Pure: the workflow calls issueNotice with what this returns;
// applicant and application facts are added by the activity from the projection.
import type { ActionRequest, CaseView, DecisionPart, HistoryStep } from '../libs/contracts/case';
import type { IssueNoticeInput } from '../libs/contracts/notice';
import type { FieldValue, WithheldPart, WithholdingGround } from '../libs/documents/document.types';

type Request = Omit<IssueNoticeInput, 'applicationId' | 'issuedOn'>;

/**
 * Letters that histories recorded before them must replay without (the workflow gates them with
 * its 'consultation-letters' patch): the consultation letters (Art. 32 / 34) and the Art. 35
 * letters (request for reasons, later reply day).
 */
export interface NoticeOptions {
  consultationLetters: boolean;
}

const CORRECTION_GUIDANCE = '政府信息公开申请应当写明所需政府信息的名称、文号或者便于查询的其他特征性描述，以便本机关准确检索';
const PETITION_REASONS = '您提出的事项属于信访、投诉、举报等诉求，不属于政府信息公开申请';
const PETITION_CHANNEL = '本机关信访工作机构或者“12345”政务服务便民热线';
const OTHER_ORGAN_CONTACT = '可通过该机关门户网站查询';
const FEE_PAYMENT_METHOD = '本通知所附缴款方式';
const EXTENSION_DAYS = { '2008': 15, '2019': 20 } as const;

/** Only the values the case has: a missing required one makes the activity refuse the letter by name. */
function fieldsOf(values: Record<string, FieldValue | null | undefined>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<
    string,
    FieldValue
  >;
}

const GROUND_WORDS: readonly [RegExp, WithholdingGround | { '2008': WithholdingGround; '2019': WithholdingGround }][] = [
  [/国家秘密|state.?secret/i, 'state-secret'],
  [/商业秘密|trade.?secret/i, { '2008': 'trade-secret', '2019': 'third-party-rights' }],
  [/隐私|privacy|personal/i, { '2008': 'privacy', '2019': 'third-party-rights' }],
  [/第三方|third.?part/i, 'third-party-rights'],
  [/不属于.*政府信息|not.?government/i, 'not-government-information'],
  [/禁止|prohibited/i, 'prohibited-by-law'],
  [/安全|稳定|security|stability/i, 'security-stability'],
  [/过程|讨论|草稿|process|deliberat|draft/i, 'process-information'],
  [/内部|internal/i, 'internal-affairs'],
  [/执法|enforcement/i, 'enforcement-file'],
];

/** The withholding ground a clerk's exemption names (a ground id, or words of it). */
export function groundOf(exemption: string, regime: '2008' | '2019'): string {
  const e = exemption.trim();
  if (/^[a-z-]+$/.test(e)) return e;
  for (const [re, g] of GROUND_WORDS) if (re.test(e)) return typeof g === 'string' ? g : g[regime];
  return e; // unknown: the renderer refuses it by name
}

function withheldParts(parts: readonly DecisionPart[], regime: '2008' | '2019', reasons: string): WithheldPart[] {
  return parts
    .filter((p) => p.disposition === 'withhold')
    .map((p) => {
      const exemption = p.exemption ?? '';
      return {
        part: p.description,
        ground: groundOf(exemption, regime) as WithholdingGround,
        reason: /^[a-z-]+$/.test(exemption.trim()) ? reasons : exemption,
      };
    });
}

/** The reply notice (or, for a confirmed petition, the not-an-application notice) of the approved decision. */
function replyRequest(v: CaseView, issuedBy: string): Request | null {
  const d = v.decision;
  if (!d) return null;
  const regime = v.deadline?.regime ?? '2019';
  const base = { issueKey: 'reply', issuedBy };
  if (d.replyKind === 'petition') {
    return {
      ...base,
      kind: 'not-application',
      letterKind: 'not-ogi-petition',
      fields: fieldsOf({ reasons: PETITION_REASONS, properChannel: PETITION_CHANNEL }),
    };
  }
  // Art. 39(2): not an Art. 36 reply; the letter says where to get the publication.
  if (d.replyKind === 'publication') {
    return {
      ...base,
      kind: 'not-application',
      letterKind: 'not-ogi-publication',
      fields: fieldsOf({ publicationName: d.publication && bookTitle(d.publication.name), whereToGet: d.publication?.whereToGet }),
    };
  }
  const provision = d.provision ? `以${d.provision.form}形式、通过${d.provision.method}方式提供` : undefined;
  const parts = d.parts ?? [];
  const disclosed = parts.filter((p) => p.disposition === 'disclose').map((p) => p.description);
  const byKind: Record<Exclude<typeof d.replyKind, 'petition' | 'publication'>, Record<string, FieldValue | null | undefined>> = {
    'already-public': { whereToGet: d.provision?.method ?? d.reasons, reasons: d.reasons },
    disclose: { provision: provision ?? d.reasons, reasons: d.reasons },
    partial: {
      disclosedPart: disclosed.join('、') || undefined,
      provision: provision ?? d.reasons,
      withheld: withheldParts(parts, regime, d.reasons),
      reasons: d.reasons,
    },
    refuse: { withheld: withheldParts(parts, regime, d.reasons), reasons: d.reasons },
    'not-exist': { searchDescription: d.reasons },
    // The template names the organ's contact with the organ; the decision carries only the organ.
    'other-organ': { reasons: d.reasons, responsibleOrgan: d.otherOrgan, responsibleOrganContact: d.otherOrgan && OTHER_ORGAN_CONTACT },
    repeated: {
      previousApplicationNumber: d.previous?.applicationNumber,
      previousReplyDate: d.previous?.repliedOn,
      previousNoticeNumber: d.previous?.noticeNumber,
      reasons: d.reasons,
    },
    'special-route': {
      recordType: d.specialRoute?.recordType,
      specialLaw: d.specialRoute && bookTitle(d.specialRoute.law),
      specialRoute: d.specialRoute?.route,
      reasons: d.reasons,
    },
    'cannot-create': { reasons: d.reasons },
    excessive: {
      requestVolume: d.requestVolume ?? v.reasonsRequest?.requestVolume,
      reasonRequestedOn: v.reasonsRequest?.sentOn,
      reasonsDeadline: v.reasonsRequest?.respondBy,
      reasonsReceivedOn: v.reasonsRequest?.outcome === 'unreasonable' ? v.reasonsRequest.receivedOn : undefined,
      reasons: d.reasons,
    },
    'unclear-after-correction': { correctionReceivedOn: v.correction?.receivedOn, reasons: d.reasons },
    'confirm-or-reissue': { reasons: d.reasons },
  };
  return { ...base, kind: 'reply', letterKind: `reply-${d.replyKind}`, fields: fieldsOf(byKind[d.replyKind]) };
}

/** A law or publication as cited in a letter: in book-title marks 《》 unless the clerk wrote them. */
function bookTitle(name: string): string {
  const n = name.trim();
  return n.startsWith('《') ? n : `《${n}》`;
}

/** The registration receipt, once the case has a receipt day. */
export function receiptRequest(v: CaseView, issuedBy: string): Request[] {
  if (!v.receivedOn) return [];
  return [
    {
      kind: 'receipt',
      letterKind: 'registration-receipt',
      issueKey: 'registration',
      issuedBy,
      fields: fieldsOf({ dueOn: v.deadline?.dueOn }),
    },
  ];
}

/** The consultation letter to the third party (Art. 32; 2008: Art. 23) or the co-making organ (Art. 34, 2019 only). */
function consultationRequest(v: CaseView, who: string, seq: number | undefined): Request[] {
  const c = v.consultations[v.consultations.length - 1];
  if (!c || c.position !== undefined) return [];
  const base = { kind: 'consultation' as const, issueKey: `step-${seq}`, issuedBy: who };
  if (c.kind === 'third-party') {
    return [
      {
        ...base,
        letterKind: 'third-party-consultation',
        fields: fieldsOf({ thirdPartyName: c.party, affectedInformation: c.information, replyDeadline: c.replyBy }),
      },
    ];
  }
  if (v.deadline?.regime === '2008') return []; // the 2008 Regulations have no co-maker consultation
  return [
    {
      ...base,
      letterKind: 'co-maker-consultation',
      fields: fieldsOf({ organName: c.party, coMadeInformation: c.information, replyDeadline: c.replyBy }),
    },
  ];
}

/** Art. 35: the request for reasons, and the later reply day when the reasons were found reasonable. */
function reasonsRequests(v: CaseView, req: ActionRequest, who: string, seq: number | undefined): Request[] {
  const r = v.reasonsRequest;
  if (!r) return [];
  if (req.action === 'request-reasons') {
    // A request to the applicant with a period to answer, like the correction notice (no notice kind of its own).
    return [
      {
        kind: 'correction',
        letterKind: 'reasons-request',
        issueKey: `step-${seq}`,
        issuedBy: who,
        fields: fieldsOf({ requestVolume: r.requestVolume, reasonsDeadline: r.respondBy }),
      },
    ];
  }
  if (req.action === 'receive-reasons' && r.outcome === 'reasonable' && r.replyBy) {
    return [
      {
        kind: 'extension',
        letterKind: 'later-reply-date',
        issueKey: `step-${seq}`,
        issuedBy: who,
        fields: fieldsOf({ reasonRequestedOn: r.sentOn, reasonsReceivedOn: r.receivedOn, replyBy: r.replyBy }),
      },
    ];
  }
  return [];
}

/** The letters an accepted step issues (v is the state after the step). */
export function noticesForStep(
  v: CaseView,
  req: ActionRequest,
  steps: readonly HistoryStep[],
  options: NoticeOptions = { consultationLetters: false },
): Request[] {
  const who = req.actor.username;
  const seq = steps[0]?.seq;
  switch (req.action) {
    case 'start-consultation':
      return options.consultationLetters ? consultationRequest(v, who, seq) : [];
    case 'request-reasons':
    case 'receive-reasons':
      return options.consultationLetters ? reasonsRequests(v, req, who, seq) : [];
    case 'confirm-receipt':
      return receiptRequest(v, who);
    case 'request-correction':
      if (!v.correction) return [];
      return [
        {
          kind: 'correction',
          letterKind: 'correction-notice',
          issueKey: `step-${seq}`,
          issuedBy: who,
          fields: fieldsOf({
            guidance: CORRECTION_GUIDANCE,
            correctionItems: v.correction.items,
            correctionDeadline: v.correction.respondBy,
          }),
        },
      ];
    case 'decide-extension':
      if (!req.body.approve || !v.extension?.approved) return [];
      return [
        {
          kind: 'extension',
          letterKind: 'extension-notice',
          issueKey: `step-${seq}`,
          issuedBy: who,
          fields: fieldsOf({
            reasons: v.extension.reason,
            extensionDays: EXTENSION_DAYS[v.deadline?.regime ?? '2019'],
            extendedDueOn: v.deadline?.extendedDueOn,
          }),
        },
      ];
    case 'approve-decision': {
      const fee = v.decision?.fee;
      if (!req.body.approve || v.status !== 'fee_pending' || !fee || !v.fee) return [];
      return [
        {
          kind: 'fee',
          letterKind: 'fee-notice',
          issueKey: `step-${seq}`,
          issuedBy: who,
          fields: fieldsOf({
            feeBasis: fee.basis,
            feeCalculation: `按照${fee.basis === 'per-volume' ? '按量' : '按件'}计收标准计算`,
            feeAmount: fee.amount.toFixed(2),
            paymentMethod: FEE_PAYMENT_METHOD,
            paymentDeadline: v.fee.payBy,
          }),
        },
      ];
    }
    case 'issue-notice': {
      const reply = replyRequest(v, who);
      return reply ? [reply] : [];
    }
    case 'withdraw':
      if (!v.withdrawal) return [];
      return [
        {
          kind: 'withdrawal',
          letterKind: 'withdrawal-confirmation',
          issueKey: 'withdrawal',
          issuedBy: who,
          fields: fieldsOf({ withdrawnOn: v.withdrawal.on, withdrawalMethod: '书面' }),
        },
      ];
    default:
      return [];
  }
}

/** The abandonment notice when a window closed the case (correction not made, fee not paid). */
export function noticesForExpiry(v: CaseView): Request[] {
  if (v.outcome !== 'abandoned') return [];
  if (v.outcomeReason === 'correction_not_made' && v.correction) {
    return [
      {
        kind: 'abandonment',
        letterKind: 'abandonment-correction',
        issueKey: 'abandonment',
        issuedBy: 'system',
        fields: fieldsOf({ correctionNoticeDeliveredOn: v.correction.deliveredOn, correctionDeadline: v.correction.respondBy }),
      },
    ];
  }
  if (v.outcomeReason === 'fee_not_paid' && v.fee) {
    return [
      {
        kind: 'abandonment',
        letterKind: 'abandonment-fee',
        issueKey: 'abandonment',
        issuedBy: 'system',
        fields: fieldsOf({ feeNoticeDeliveredOn: v.fee.noticeOn, paymentDeadline: v.fee.payBy }),
      },
    ];
  }
  return [];
}
