import { actionsForCaller, waitingActions } from './me.service';

describe('inbox steps for the caller', () => {
  const reviewerSteps = waitingActions('reviewer', 'decision_drafted', 'accept');

  it('offers a reviewer the review and approval of a disclosing draft someone else wrote', () => {
    expect(reviewerSteps).toEqual(['review-confidentiality', 'approve-decision']);
    expect(actionsForCaller(reviewerSteps, 'reviewer', { draftedBy: 'clerk', replyKind: 'disclose', reviewed: false })).toEqual([
      'review-confidentiality',
      'approve-decision',
    ]);
  });

  it('never offers the drafter the review or approval of their own draft', () => {
    expect(actionsForCaller(reviewerSteps, 'reviewer', { draftedBy: 'reviewer', replyKind: 'disclose', reviewed: false })).toEqual([]);
  });

  it('offers no confidentiality review of a draft that discloses nothing or has passed one', () => {
    expect(actionsForCaller(reviewerSteps, 'reviewer', { draftedBy: 'clerk', replyKind: 'refuse', reviewed: false })).toEqual([
      'approve-decision',
    ]);
    const approval = waitingActions('reviewer', 'approval', 'accept');
    expect(actionsForCaller(approval, 'reviewer', { draftedBy: 'clerk', replyKind: 'partial', reviewed: true })).toEqual([]);
    expect(actionsForCaller(approval, 'reviewer', { draftedBy: 'clerk', replyKind: 'partial', reviewed: false })).toEqual([
      'review-confidentiality',
    ]);
  });

  it('leaves the steps of other kinds alone', () => {
    const clerk = waitingActions('clerk', 'assigned', 'accept');
    expect(actionsForCaller(clerk, 'clerk', { draftedBy: 'clerk', replyKind: null, reviewed: false })).toEqual(clerk);
  });
});
