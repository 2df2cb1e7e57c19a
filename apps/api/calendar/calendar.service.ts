import { BadRequestException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { CALENDAR_FANOUT_WORKFLOW_TYPE, type CalendarFanoutInput } from '../../../libs/contracts/workflow';
import { validateYearArrangement } from '../../../libs/calendar/year-arrangement.validator';
import { derivedYear } from '../../../libs/calendar/derived-holidays';
import { createCalendarJob, findCalendarJob } from '../../../libs/persistence/calendar-job.repository';
import { findCalendarYear, loadCalendarData, openCasesTouchingYear, saveCalendarYear } from '../../../libs/persistence/calendar.repository';
import { parseIcsArrangement } from '../../../libs/calendar/ics-arrangement.parser';
import type { CalendarYear } from '../../../libs/calendar/calendar.types';
import { buildWorkingDayIndex, withYears } from '../../../libs/calendar/working-day-index';
import { deadlineOn } from '../../../libs/case';
import { workflowIdFor } from '../../../libs/contracts/application';
import type { CaseView } from '../../../libs/contracts/case';
import { stateQuery } from '../../../libs/contracts/workflow';
import { shanghaiDate } from '../../../libs/time/shanghai';
import type { AuthUser } from '../auth/current-user';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import type { CalendarJobDto, CalendarLoadResultDto, CalendarPreviewDto, CalendarYearDto } from './calendar.dto';

const yearOf = (raw: string): number => {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) throw new BadRequestException('year: must be a year from 2000 to 2100');
  return year;
};

/** At most this many open cases are examined by one preview (the most urgent first). */
export const PREVIEW_MAX = 5000;

/**
 * The arrangement in a request body: the JSON form ({year, days, ...}) or an iCalendar feed
 * ({ics: "BEGIN:VCALENDAR...", notice?}) as the State Council's arrangement is published; checked
 * whole, and for the year the path names.
 */
function arrangementOf(year: number, body: unknown): CalendarYear {
  const ics = typeof body === 'object' && body !== null && 'ics' in body ? (body as { ics: unknown; notice?: unknown }) : undefined;
  if (ics) {
    if (typeof ics.ics !== 'string' || !ics.ics.includes('BEGIN:VCALENDAR'))
      throw new BadRequestException('ics: must be the text of an iCalendar feed (BEGIN:VCALENDAR ...)');
    if (ics.notice !== undefined && typeof ics.notice !== 'string') throw new BadRequestException('notice: must be text');
    const r = parseIcsArrangement(ics.ics, year, { official: true, ...(ics.notice ? { notice: ics.notice as string } : {}) });
    if (!r.ok) throw new BadRequestException(r.errors.map((e) => `ics: ${e}`));
    return r.value;
  }
  const r = validateYearArrangement(body);
  if (!r.ok) throw new BadRequestException(r.errors);
  if (r.value.year !== year) throw new BadRequestException(`year: the body is for ${r.value.year} but the path names ${year}`);
  return r.value;
}

@Injectable()
export class CalendarService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async getYear(rawYear: string): Promise<CalendarYearDto> {
    const year = yearOf(rawYear);
    return (await findCalendarYear(this.ds, year)) ?? derivedYear(year);
  }

  /** Loads or corrects one year's arrangement; the whole body is checked before anything is written. */
  async loadYear(rawYear: string, body: unknown, user: AuthUser): Promise<CalendarLoadResultDto> {
    const year = yearOf(rawYear);
    const arrangement = arrangementOf(year, body);
    const version = await saveCalendarYear(this.ds, arrangement, user.username);
    // Each running case it touches reloads the calendar and re-arms its timers if its due day
    // moved: told by a workflow that pages through them with retries, not from this request.
    const jobId = `calendar-${version}`;
    await createCalendarJob(this.ds, { id: jobId, year, version, startedBy: user.username });
    const input: CalendarFanoutInput = { jobId, year, version };
    try {
      await this.temporal.workflow.start(CALENDAR_FANOUT_WORKFLOW_TYPE, {
        workflowId: jobId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (err) {
      // The arrangement is stored and in force for new deadlines; the running cases wait for the job.
      throw new ServiceUnavailableException(
        `calendar ${version} is stored, but its job ${jobId} could not be started (${(err as Error).message}); load the same arrangement again to start it`,
      );
    }
    return { year, version, days: arrangement.days.length, job: (await this.job(jobId))! };
  }

  /**
   * What loading an arrangement would do, before it is loaded: each open case whose due day would
   * change, from which day to which, as its workflow would count it (libs/case deadlineOn on the
   * case as the workflow holds it, with the calendar in force and with the proposed one). Cases
   * whose reply is issued keep their due day. Nothing is written.
   */
  async previewYear(rawYear: string, body: unknown): Promise<CalendarPreviewDto> {
    const year = yearOf(rawYear);
    const arrangement = arrangementOf(year, body);
    const data = await loadCalendarData(this.ds);
    const now = buildWorkingDayIndex(data);
    const proposed = buildWorkingDayIndex(withYears(data, [arrangement], `${data.version}+preview`));
    const today = shanghaiDate(Date.now());
    const cases = await openCasesTouchingYear(this.ds, year);
    const examined = cases.slice(0, PREVIEW_MAX);
    const changes: CalendarPreviewDto['changes'] = [];
    let unreadable = 0;
    const next = (() => {
      let i = 0;
      return () => (i < examined.length ? examined[i++] : undefined);
    })();
    const worker = async () => {
      for (let c = next(); c; c = next()) {
        let view: CaseView | undefined;
        try {
          view = (await this.temporal.workflow.getHandle(workflowIdFor(c.id)).query(stateQuery)).case;
        } catch {
          unreadable++;
          continue;
        }
        if (!view) continue;
        const before = deadlineOn(view, today, now)?.dueOn ?? null;
        const after = deadlineOn(view, today, proposed)?.dueOn ?? null;
        if (before !== after)
          changes.push({ id: c.id, registrationNumber: c.registrationNumber, status: view.status, dueOn: before, dueOnAfter: after });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    changes.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.registrationNumber.localeCompare(b.registrationNumber));
    return {
      year,
      days: arrangement.days.length,
      openCases: cases.length,
      examined: examined.length,
      unreadable,
      changes,
      arrangement,
    };
  }

  /** A calendar job's progress: touched, signalled, closed meanwhile, due day moved. */
  async job(id: string): Promise<CalendarJobDto> {
    const job = await findCalendarJob(this.ds, id);
    if (!job) throw new NotFoundException(`calendar job ${id} not found`);
    return job;
  }
}
