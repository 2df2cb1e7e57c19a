import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { calendarUpdatedSignal } from '../libs/contracts/workflow';
import { claimCalendarJobPage, finishCalendarJob, recordCalendarJobOutcomes } from '../libs/persistence/calendar-job.repository';

export interface CalendarFanoutDeps {
  ds: DataSource;
}

export interface CalendarPageInput {
  jobId: string;
  year: number;
  version: string;
  after: string | null;
  limit: number;
}

/**
 * Signals one page of the open cases a calendar load touches. Safe to retry: a case is
 * entered in the job once, and a second signal only makes the case reload the calendar again.
 */
export function createCalendarFanoutActivities({ ds }: CalendarFanoutDeps) {
  return {
    async signalCalendarPage(p: CalendarPageInput): Promise<{ next: string | null; signalled: number; notRunning: number }> {
      const cases = await claimCalendarJobPage(ds, p);
      const client = Context.current().client;
      const outcomes: { id: string; outcome: 'signalled' | 'not_running' }[] = [];
      for (const c of cases) {
        try {
          await client.workflow.getHandle(c.workflowId).signal(calendarUpdatedSignal, { version: p.version });
          outcomes.push({ id: c.id, outcome: 'signalled' });
        } catch (err) {
          // The case closed after the page was read: nothing left to recompute.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          outcomes.push({ id: c.id, outcome: 'not_running' });
        }
        Context.current().heartbeat(c.id);
      }
      await recordCalendarJobOutcomes(ds, p.jobId, outcomes);
      return {
        next: cases.length === p.limit ? cases[cases.length - 1].id : null,
        signalled: outcomes.filter((o) => o.outcome === 'signalled').length,
        notRunning: outcomes.filter((o) => o.outcome === 'not_running').length,
      };
    },

    async finishCalendarJob(jobId: string): Promise<void> {
      await finishCalendarJob(ds, jobId);
    },
  };
}

export type CalendarFanoutActivities = ReturnType<typeof createCalendarFanoutActivities>;
