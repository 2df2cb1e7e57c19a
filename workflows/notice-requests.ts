// Which letters a case step issues (legal-rules.md section 7), and the case facts each letter
// takes from the workflow state. Pure: the workflow calls issueNotice with what this returns;
// applicant and application facts are added by the activity from the projection.
import { feeCalculation } from '../libs/case/fees';
import { fieldsOf, replyRequest, type LetterRequest as Request } from '../libs/case/reply-letter';
import type { ActionRequest, CaseView, HistoryStep } from '../libs/contracts/case';

/**
 * Letters that histories recorded before them must replay without (the workflow gates them with
 * its 'consultation-letters' patch): the consultation letters (Art. 32 / 34) and the Art. 35
 * letters (request for reasons, later reply day).
 */
export interface NoticeOptions {
  consultationLetters: boolean;
}

const CORRECTION_GUIDANCE = '政府信息公开申请应当写明所需政府信息的名称、文号或者便于查询的其他特征性描述，以便本机关准确检索';
const FEE_PAYMENT_METHOD = '本通知所附缴款方式';
const EXTENSION_DAYS = { '2008': 15, '2019': 20 } as const;

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

/**
 * Art. 32 (2008: Art. 23): a reply that discloses over a third party's objection for the public
 * interest goes with a written notice to that third party (content and reasons), one per objector.
 */
export function thirdPartyDisclosureNotices(v: CaseView, who: string): Request[] {
  const d = v.decision;
  if (!d?.publicInterest || (d.replyKind !== 'disclose' && d.replyKind !== 'partial')) return [];
  return v.consultations
    .filter((c) => c.kind === 'third-party' && c.position === 'objection')
    .map((c, i) => ({
      kind: 'consultation' as const,
      letterKind: 'third-party-disclosure-notice' as const,
      issueKey: `third-party-disclosure-${i + 1}`,
      issuedBy: who,
      fields: fieldsOf({
        thirdPartyName: c.party,
        affectedInformation: c.information ?? '本次申请所涉及的贵方信息',
        publicInterest: d.publicInterest,
      }),
    }));
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
            // Computed by the engine from basis and count; drafts before 'law-round-three' typed the amount.
            feeCalculation:
              fee.count !== undefined
                ? feeCalculation(fee.basis, fee.count)
                : `按照${fee.basis === 'per-volume' ? '按量' : '按件'}计收标准计算`,
            feeAmount: (fee.amount ?? 0).toFixed(2),
            paymentMethod: FEE_PAYMENT_METHOD,
            // Known only once the delivery is recorded (cases before 'law-round-three': from the notice day).
            ...(v.fee.payBy ? { paymentDeadline: v.fee.payBy } : {}),
          }),
        },
      ];
    }
    case 'issue-notice': {
      const reply = replyRequest(v, who);
      return reply ? [reply, ...thirdPartyDisclosureNotices(v, who)] : [];
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
        fields: fieldsOf({
          correctionNoticeDeliveredOn: v.correction.deliveredOn,
          correctionDeadline: v.correction.respondBy,
          // A justified reason was recorded: the letter says the period was extended, not that there was none.
          justifiedReason: v.correction.justifiedReasons?.map((r) => r.reason).join('；'),
        }),
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
        fields: fieldsOf({ feeNoticeDeliveredOn: v.fee.deliveredOn ?? v.fee.noticeOn, paymentDeadline: v.fee.payBy }),
      },
    ];
  }
  return [];
}
