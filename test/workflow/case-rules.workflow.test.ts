import { CaseHarness, clerk, clerk2, expectRejected, reviewer, reviewer2, supervisor, wd } from './support/case-harness';
import { availableActionsQuery } from '../../libs/contracts/workflow';

// Every refused step names its rule, carries a type the API maps (WrongState 409,
// Forbidden 403, BadRequest 400) and never enters the case history.
describe('applicationWorkflow: refused steps', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('refuses a step in the wrong status, by the wrong role, or with a bad body, and records none of them', async () => {
    const { handle, receivedOn } = await h.open();
    await expectRejected(
      h.act(handle, 'triage', reviewer, { outcome: 'accept' }),
      'Forbidden',
      /^triage: role reviewer may not do this; allowed: clerk$/,
    );
    await expectRejected(h.act(handle, 'issue-notice', clerk, {}), 'WrongState', /^issue-notice: not allowed in status registered$/);
    await expectRejected(
      h.act(handle, 'triage', clerk, { outcome: 'maybe' } as never),
      'BadRequest',
      /body\.outcome: must be one of accept, /,
    );
    await expectRejected(
      h.act(handle, 'withdraw', clerk, { on: '2025-02-30', extra: 1 } as never),
      'BadRequest',
      /body\.extra: is not an allowed field; body\.on: must be a date YYYY-MM-DD/,
    );
    await expectRejected(h.act(handle, 'record-search', clerk, { summary: 'too early' }), 'WrongState', /not allowed in status registered/);
    await expectRejected(h.act(handle, 'assign', clerk, {} as never), 'BadRequest', /body\.assignee: is required/);
    await expectRejected(h.act(handle, 'withdraw', clerk, { on: wd(receivedOn, 30) }), 'BadRequest', /body\.on: must not be in the future/);
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.act(handle, 'record-search', clerk, { summary: 'searched' });
    await expectRejected(
      h.act(handle, 'request-correction', clerk, { items: ['x'] }),
      'WrongState',
      /^request-correction: not allowed in status searching$/,
    );
    const c = await h.caseOf(handle);
    expect(c.history.map((s) => s.type)).toEqual(['triage', 'assign', 'record-search']);
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it('keeps the case work with the assigned clerk until a supervisor reassigns it', async () => {
    const { handle } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', supervisor, { assignee: 'clerk2' });
    await expectRejected(
      h.act(handle, 'record-search', clerk, { summary: 'looked' }),
      'Forbidden',
      /^record-search: the case is assigned to clerk2; only the assignee takes this step/,
    );
    await h.act(handle, 'record-search', clerk2, { summary: 'found it' });
    await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
    await expectRejected(
      h.act(handle, 'draft-decision', clerk2, { replyKind: 'not-exist', reasons: 'none' }),
      'Forbidden',
      /assigned to clerk;/,
    );
    const c = await h.act(handle, 'draft-decision', clerk, { replyKind: 'not-exist', reasons: 'never made' });
    expect(c.status).toBe('decision_drafted');
    expect(c.history.filter((s) => s.type === 'record-search').map((s) => s.actor)).toEqual(['clerk2']);
    // A withdrawal is recorded by whichever clerk receives it.
    await h.act(handle, 'withdraw', clerk2, { on: await h.today() });
  });

  it('refuses a correction request after the 7th working day after receipt, and a second one', async () => {
    const late = await h.open();
    await h.sleepUntil(wd(late.receivedOn, 8), 10);
    await expectRejected(
      h.act(late.handle, 'request-correction', clerk, { items: ['x'] }),
      'WrongState',
      new RegExp(`^request-correction: the window ended on ${wd(late.receivedOn, 7)}`),
    );
    await h.act(late.handle, 'withdraw', clerk, { on: await h.today() });

    const twice = await h.open();
    await h.act(twice.handle, 'request-correction', clerk, { items: ['x'] });
    await h.act(twice.handle, 'receive-correction', clerk, { receivedOn: twice.receivedOn });
    await expectRejected(
      h.act(twice.handle, 'request-correction', clerk, { items: ['y'] }),
      'WrongState',
      /was already requested .* asked once/,
    );
    await h.act(twice.handle, 'withdraw', clerk, { on: twice.receivedOn });
  });

  it('refuses a second extension, an extension on the due day, and a decision by anyone but a supervisor', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'request-extension', clerk, { reason: 'volume' });
    await expectRejected(h.act(handle, 'decide-extension', clerk, { approve: true }), 'Forbidden', /^decide-extension: role clerk may not/);
    await expectRejected(h.act(handle, 'decide-extension', reviewer, { approve: true }), 'Forbidden', /role reviewer may not/);
    await h.act(handle, 'decide-extension', supervisor, { approve: false, comment: 'not justified' });
    await expectRejected(
      h.act(handle, 'request-extension', clerk, { reason: 'again' }),
      'WrongState',
      /^request-extension: the one extension allowed was already requested on .* and refused$/,
    );
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });

    const onDue = await h.open();
    await h.act(onDue.handle, 'triage', clerk, { outcome: 'accept' });
    await h.sleepUntil(wd(onDue.receivedOn, 20), 10);
    await expectRejected(
      h.act(onDue.handle, 'request-extension', clerk, { reason: 'too late' }),
      'WrongState',
      new RegExp(`^request-extension: must be requested before the due day ${wd(onDue.receivedOn, 20)}`),
    );
    await h.act(onDue.handle, 'withdraw', clerk, { on: await h.today() });
  });

  it('refuses a consultation reply dated before the letter was sent', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.sleepUntil(wd(receivedOn, 2), 10);
    const sentOn = await h.today();
    await h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: '某公司', sentOn });
    await expectRejected(
      h.act(handle, 'receive-consultation-reply', clerk, { receivedOn, position: 'consent' }),
      'WrongState',
      new RegExp(`before the letter was sent \\(${sentOn}\\)`),
    );
    await h.act(handle, 'withdraw', clerk, { on: sentOn });
  });

  it('keeps the drafter from reviewing or approving their own draft, and refuses to issue an unreviewed disclosure', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'reviewer' });
    await h.act(handle, 'draft-decision', reviewer, {
      replyKind: 'partial',
      reasons: 'part of it names third parties',
      parts: [
        { description: 'the plan', disposition: 'disclose' },
        { description: 'the list of households', disposition: 'withhold', ground: 'third-party-rights' },
      ],
    });
    await expectRejected(h.act(handle, 'review-confidentiality', reviewer, { approve: true }), 'Forbidden', /no self-approval/);
    await expectRejected(
      h.act(handle, 'approve-decision', reviewer, { approve: true }),
      'Forbidden',
      /reviewer drafted this decision and may not approve/,
    );
    await expectRejected(h.act(handle, 'review-confidentiality', clerk, { approve: true }), 'Forbidden', /role clerk may not/);
    expect(await handle.query(availableActionsQuery, reviewer)).toEqual([]);
    expect((await handle.query(availableActionsQuery, reviewer2)).map((a) => a.action)).toEqual([
      'review-confidentiality',
      'approve-decision',
    ]);
    await h.act(handle, 'approve-decision', reviewer2, { approve: true });
    await expectRejected(
      h.act(handle, 'issue-notice', clerk, {}),
      'WrongState',
      /^issue-notice: a reply that discloses information needs an approved confidentiality review/,
    );
    await h.act(handle, 'review-confidentiality', reviewer2, { approve: true });
    await h.act(handle, 'issue-notice', clerk, {});
    await expectRejected(
      h.act(handle, 'withdraw', clerk, { on: receivedOn }),
      'WrongState',
      /^withdraw: not allowed in status notice_issued$/,
    );
    await h.act(handle, 'record-delivery', clerk, { method: 'electronic', on: await h.today() });
  });

  it('refuses a partial disclosure without a withheld part and a petition confirmed by the wrong person', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'petition' });
    await expectRejected(h.act(handle, 'assign', supervisor, { assignee: 'clerk' }), 'WrongState', /waits for a supervisor's confirmation/);
    await expectRejected(h.act(handle, 'confirm-petition', clerk, { approve: true }), 'Forbidden', /^confirm-petition: role clerk may not/);
    await h.act(handle, 'confirm-petition', supervisor, { approve: false });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk2' });
    await expectRejected(
      h.act(handle, 'draft-decision', clerk2, {
        replyKind: 'partial',
        reasons: 'x',
        parts: [{ description: 'a', disposition: 'disclose' }],
      }),
      'BadRequest',
      /body\.parts: a partial disclosure \(Art\. 37\) lists at least one part disclosed and one withheld/,
    );
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it('refuses the Art. 35 steps and the replies whose facts have not happened', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { replyKind: 'excessive', reasons: 'too many' }),
      'WrongState',
      /^draft-decision: an excessive reply \(Art\. 35\) needs the applicant asked for reasons first \(request-reasons\)$/,
    );
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { replyKind: 'unclear-after-correction', reasons: 'still unclear' }),
      'WrongState',
      /needs a corrected application received \(receive-correction\)/,
    );
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, {
        replyKind: 'repeated',
        reasons: 'same',
        previous: { applicationNumber: 'LYZF-2025-00001', repliedOn: wd(receivedOn, 3) },
      }),
      'BadRequest',
      /^body\.previous\.repliedOn: must not be in the future/,
    );
    await expectRejected(
      h.act(handle, 'receive-reasons', clerk, { receivedOn, reasonable: true }),
      'WrongState',
      /not allowed in status assigned/,
    );
    await h.act(handle, 'request-reasons', clerk, { sentOn: receivedOn, periodDays: 10 });
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { replyKind: 'excessive', reasons: 'too many' }),
      'WrongState',
      /not allowed in status reasons_requested/,
    );
    await expectRejected(
      h.act(handle, 'receive-reasons', clerk, { receivedOn, reasonable: true, replyBy: wd(receivedOn, 20) }),
      'BadRequest',
      new RegExp(`^body\\.replyBy: must be after the due day in force on \\d{4}-\\d{2}-\\d{2} \\(${wd(receivedOn, 20)}\\)`),
    );
    await expectRejected(
      h.act(handle, 'receive-reasons', clerk, { receivedOn, reasonable: false, replyBy: wd(receivedOn, 30) }),
      'BadRequest',
      /body\.replyBy: only reasons found reasonable get a later reply day/,
    );
    const c = await h.act(handle, 'receive-reasons', clerk, { receivedOn, reasonable: true, replyBy: wd(receivedOn, 30) });
    expect(c.deadline?.dueOn).toBe(wd(receivedOn, 30));
    await expectRejected(
      h.act(handle, 'request-reasons', clerk, { sentOn: receivedOn, periodDays: 10 }),
      'WrongState',
      new RegExp(`^request-reasons: the applicant was already asked for reasons on ${receivedOn}$`),
    );
    await expectRejected(
      h.act(handle, 'request-extension', clerk, { reason: 'volume' }),
      'WrongState',
      /^request-extension: the office set a later reply day .* under Art\. 35/,
    );
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { replyKind: 'excessive', reasons: 'too many' }),
      'WrongState',
      /needs the applicant's reasons found unreasonable or their period run out \(they were found reasonable\)/,
    );
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });
});
