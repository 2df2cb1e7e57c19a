import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ConsultationState } from '../contracts/case';
import { computeDeadlines } from '../deadline';
import { deadlineInput, newCase } from './case-machine';

const index = buildWorkingDayIndex(bundledCalendar());

function caseWith(receivedOn: string, consultations: ConsultationState[]) {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-X', arrivedOn: receivedOn, receivedOn, status: 'registered' });
  v.consultations = consultations;
  return v;
}

const answered = (kind: ConsultationState['kind'], sentOn: string, receivedOn: string): ConsultationState => ({
  kind,
  party: '某单位',
  sentOn,
  deliveredOn: sentOn,
  replyBy: receivedOn,
  receivedOn,
  position: 'consent',
});

describe('deadlineInput: which consultations stop the answer clock', () => {
  it('2019 regime: third-party and co-maker consultations both pause it', () => {
    for (const kind of ['third-party', 'co-maker'] as const) {
      const d = deadlineInput(caseWith('2024-03-01', [answered(kind, '2024-03-05', '2024-03-12')]), '2024-03-20')!;
      expect(d.events).toEqual([{ type: 'paused', from: '2024-03-05', to: '2024-03-12' }]);
    }
  });

  it('2008 regime: only a third party is consulted off the clock; a co-making organ is consulted within the period', () => {
    const third = deadlineInput(caseWith('2018-03-01', [answered('third-party', '2018-03-05', '2018-03-12')]), '2018-03-20')!;
    const coMaker = deadlineInput(caseWith('2018-03-01', [answered('co-maker', '2018-03-05', '2018-03-12')]), '2018-03-20')!;
    expect(third.events).toHaveLength(1);
    expect(coMaker.events).toEqual([]);
    // 15 working days from 2018-03-01, moved by the 5 paused working days only for the third party.
    expect(computeDeadlines(coMaker, index).dueOn).toBe('2018-03-22');
    expect(computeDeadlines(third, index).dueOn).toBe('2018-03-29');
  });
});
