import { caseEntry } from './case-history';

describe('caseEntry: a back-dated step shows both its days', () => {
  const row = (type: string, payload: Record<string, unknown>, occurredAt = '2024-04-12T02:00:00.000Z') => ({
    seq: 5,
    type,
    actor: 'clerk',
    actorRole: 'clerk',
    occurredAt,
    payload,
  });

  it('the day it took effect, the day it was entered and the due day that had passed', () => {
    const e = caseEntry(row('start-consultation', { sentOn: '2024-03-26', dueOn: '2024-03-29', enteredAfterDueOn: '2024-03-29' }));
    expect(e).toMatchObject({ effectiveOn: '2024-03-26', enteredOn: '2024-04-12', enteredAfterDueOn: '2024-03-29' });
  });

  it('also for steps recorded before the fields existed, and not for a step dated its own day', () => {
    expect(caseEntry(row('confirm-receipt', { receivedOn: '2024-04-10' }))).toMatchObject({
      effectiveOn: '2024-04-10',
      enteredOn: '2024-04-12',
    });
    expect(caseEntry(row('record-delivery', { on: '2024-04-12' })).effectiveOn).toBeUndefined();
    expect(caseEntry(row('assign', { assignee: 'clerk' })).enteredOn).toBeUndefined();
  });
});
