import { waitingOn } from '../../../libs/case';
import type { Actor } from '../../../libs/contracts/roles';
import { stepFactsOfRow } from './me.service';

// The inbox asks libs/case (waitingOn) on the step facts the projection wrote to the row.
const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  status: 'triage',
  regime: '2019',
  assignee: null,
  triage_outcome: 'accept',
  triaged_by: 'clerk',
  reasons_requested_on: null,
  reply_kind: null,
  drafted_by: null,
  confidentiality_approved: false,
  decision_approved: false,
  letter_failed: false,
  ...over,
});
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const clerk2: Actor = { username: 'clerk2', role: 'clerk' };
const reviewer: Actor = { username: 'reviewer', role: 'reviewer' };
const supervisor: Actor = { username: 'supervisor', role: 'supervisor' };
const inbox = (r: Record<string, unknown>, who: Actor) => waitingOn(stepFactsOfRow(r), who);

describe('inbox: what a case waits for, from the projected step facts', () => {
  it('reads every step fact from its column', () => {
    expect(stepFactsOfRow(row({ reasons_requested_on: '2026-03-02', decision_approved: true }))).toEqual({
      status: 'triage',
      regime: '2019',
      assignee: null,
      triageOutcome: 'accept',
      triagedBy: 'clerk',
      reasonsRequestedOn: '2026-03-02',
      replyKind: null,
      draftedBy: null,
      confidentialityApproved: false,
      decisionApproved: true,
      letterFailed: false,
    });
  });

  it('offers request-reasons on a 2019 case only: not under the 2008 regime, not twice, not on a petition', () => {
    const assigned = { status: 'assigned', assignee: 'clerk' };
    expect(inbox(row(assigned), clerk)?.actions).toContain('request-reasons');
    expect(inbox(row({ ...assigned, regime: '2008' }), clerk)?.actions).not.toContain('request-reasons');
    expect(inbox(row({ ...assigned, reasons_requested_on: '2026-03-02' }), clerk)?.actions).not.toContain('request-reasons');
    const petition = inbox(row({ triage_outcome: 'petition', assignee: 'clerk' }), clerk);
    expect(petition?.actions).toEqual(['request-extension']);
  });

  it('puts a petition classification in the supervisors’ queue, with confirm-petition only', () => {
    expect(inbox(row({ triage_outcome: 'petition' }), supervisor)).toEqual({ reasons: ['role'], actions: ['confirm-petition'] });
    expect(inbox(row({ triage_outcome: 'petition', triaged_by: 'supervisor' }), supervisor)).toBeNull();
    // A case triaged as an application waits on its assignment, not on a supervisor's decision.
    expect(inbox(row(), supervisor)).toBeNull();
  });

  it('never offers the drafter the review or approval of their own draft', () => {
    const drafted = row({ status: 'decision_drafted', reply_kind: 'disclose', drafted_by: 'reviewer' });
    expect(inbox(drafted, reviewer)).toBeNull();
    expect(inbox(drafted, { username: 'reviewer2', role: 'reviewer' })).toEqual({
      reasons: ['role'],
      actions: ['review-confidentiality', 'approve-decision'],
    });
  });

  it('offers no confidentiality review of a draft that discloses nothing or has passed one', () => {
    const drafted = { status: 'decision_drafted', drafted_by: 'clerk' };
    expect(inbox(row({ ...drafted, reply_kind: 'refuse' }), reviewer)?.actions).toEqual(['approve-decision']);
    const approved = { status: 'approval', drafted_by: 'clerk', decision_approved: true };
    expect(inbox(row({ ...approved, reply_kind: 'partial', confidentiality_approved: true }), reviewer)).toBeNull();
    expect(inbox(row({ ...approved, reply_kind: 'partial' }), reviewer)?.actions).toEqual(['review-confidentiality']);
  });

  it('does not offer to issue a disclosure before its confidentiality review', () => {
    const approved = { status: 'approval', drafted_by: 'clerk', decision_approved: true, assignee: 'clerk' };
    expect(inbox(row({ ...approved, reply_kind: 'disclose' }), clerk)).toEqual({ reasons: ['assigned'], actions: ['request-extension'] });
    expect(inbox(row({ ...approved, reply_kind: 'disclose', confidentiality_approved: true }), clerk)?.actions).toEqual([
      'request-extension',
      'issue-notice',
    ]);
  });

  it('keeps another clerk off the assignee’s steps and shows intake to every clerk', () => {
    expect(inbox(row({ status: 'searching', assignee: 'clerk' }), clerk2)).toBeNull();
    expect(inbox(row({ status: 'searching', assignee: 'clerk' }), clerk)?.reasons).toEqual(['assigned']);
    expect(inbox(row({ status: 'registered', triage_outcome: null, triaged_by: null }), clerk2)).toEqual({
      reasons: ['role'],
      actions: ['triage', 'request-correction'],
    });
    expect(inbox(row({ status: 'closed', assignee: 'clerk' }), clerk)).toBeNull();
  });
});
