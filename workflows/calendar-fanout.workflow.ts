// Carries a calendar load or correction to every open case it touches: pages through them
// (one activity per page, retried until it succeeds) and signals each to reload the calendar
// and recompute its deadline. Progress is in PostgreSQL (calendar_jobs), for administrators.
import { proxyActivities } from '@temporalio/workflow';
import type { CalendarFanoutActivities } from '../activities/calendar-fanout.activities';
import type { CalendarFanoutInput, CalendarFanoutResult } from '../libs/contracts/workflow';

const { signalCalendarPage, finishCalendarJob } = proxyActivities<CalendarFanoutActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function calendarFanoutWorkflow(input: CalendarFanoutInput): Promise<CalendarFanoutResult> {
  const limit = input.pageSize ?? 200;
  const result: CalendarFanoutResult = { pages: 0, signalled: 0, notRunning: 0 };
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof signalCalendarPage>> = await signalCalendarPage({
      jobId: input.jobId,
      year: input.year,
      version: input.version,
      after,
      limit,
    });
    result.pages++;
    result.signalled += page.signalled;
    result.notRunning += page.notRunning;
    after = page.next;
  } while (after !== null);
  await finishCalendarJob(input.jobId);
  return result;
}
