// The reply letter of a case's decision (legal-rules.md section 7): the letter request the
// workflow hands to the issueNotice activity, and whether that letter can be made at all, by the
// same field checks the renderer makes (不拒办: a reply is accepted only when its letter can be
// made). Pure and workflow-safe; workflows/notice-requests.ts builds the other letters.
import type { CaseView, DecisionPart } from '../contracts/case';
import type { IssueNoticeInput } from '../contracts/notice';
import type { FieldValue, Regime, WithheldPart, WithholdingGround } from '../documents/document.types';
import { letterFieldsProblem } from '../documents/notice.renderer';
import { WITHHOLDING_GROUNDS_BY_REGIME } from '../documents/withholding-grounds.data';

/** A letter as the workflow asks for it; the activity adds the case, the day and the applicant. */
export type LetterRequest = Omit<IssueNoticeInput, 'applicationId' | 'issuedOn'>;

const PETITION_REASONS = '您提出的事项属于信访、投诉、举报等诉求，不属于政府信息公开申请';
const PETITION_CHANNEL = '本机关信访工作机构或者“12345”政务服务便民热线';
const OTHER_ORGAN_CONTACT = '可通过该机关门户网站查询';

/** Only the values the case has: a missing required one makes the letter refused by name. */
export function fieldsOf(values: Record<string, FieldValue | null | undefined>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<
    string,
    FieldValue
  >;
}

/**
 * The ground of a withheld part: its `ground`, or, in a draft accepted before the list, an
 * `exemption` that is a ground code of the regime. Free words name no ground (undefined).
 */
export function groundOfPart(p: DecisionPart, regime: Regime): WithholdingGround | undefined {
  if (p.ground) return p.ground;
  const legacy = p.exemption?.trim();
  return legacy && legacy in WITHHOLDING_GROUNDS_BY_REGIME[regime] ? (legacy as WithholdingGround) : undefined;
}

function withheldParts(parts: readonly DecisionPart[], regime: Regime, reasons: string): WithheldPart[] {
  return parts
    .filter((p) => p.disposition === 'withhold')
    .map((p) => {
      const ground = groundOfPart(p, regime);
      // The explanation, else the free words of an old exemption that were not a code, else the decision's reasons.
      const reason = p.explanation ?? (p.exemption !== undefined && p.exemption.trim() !== ground ? p.exemption : undefined) ?? reasons;
      return { part: p.description, ground: ground as WithholdingGround, reason };
    });
}

/** The reply notice (or, for a confirmed petition, the not-an-application notice) of the approved decision. */
export function replyRequest(v: CaseView, issuedBy: string): LetterRequest | null {
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
    // Art. 36(5): the organ's name and contact details as the draft gives them (drafts before
    // 'law-round-three' gave the name only: a generic pointer stands for the contact).
    'other-organ': {
      reasons: d.reasons,
      responsibleOrgan: d.otherOrgan,
      responsibleOrganContact: d.otherOrgan && (d.otherOrganContact ?? OTHER_ORGAN_CONTACT),
    },
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

/**
 * Why the reply letter of `v`'s decision cannot be made from the case's facts, or null when it
 * can (or there is no decision): the renderer's own field checks on the bundled template of the
 * case's regime. A withheld part's problem names the part (body.parts[i]).
 */
export function replyLetterProblem(v: CaseView): string | null {
  const request = replyRequest(v, 'check');
  if (!request) return null;
  const regime = v.deadline?.regime ?? '2019';
  const problem = letterFieldsProblem(request.letterKind, regime, request.fields);
  if (!problem) return null;
  const m = /: withheld\[(\d+)\]: (.*)$/s.exec(problem);
  if (m) {
    const index = (v.decision?.parts ?? []).map((p, i) => [p, i] as const).filter(([p]) => p.disposition === 'withhold')[Number(m[1])]?.[1];
    if (index !== undefined) return `body.parts[${index}]: ${m[2]}`;
  }
  return `the ${request.letterKind} letter cannot be made: ${problem}`;
}
