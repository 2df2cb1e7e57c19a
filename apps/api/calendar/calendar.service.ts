import { BadRequestException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { CALENDAR_FANOUT_WORKFLOW_TYPE, type CalendarFanoutInput } from '../../../libs/contracts/workflow';
import { validateYearArrangement } from '../../../libs/calendar/year-arrangement.validator';
import { derivedYear } from '../../../libs/calendar/derived-holidays';
import { createCalendarJob, findCalendarJob } from '../../../libs/persistence/calendar-job.repository';
import { findCalendarYear, saveCalendarYear } from '../../../libs/persistence/calendar.repository';
import type { AuthUser } from '../auth/current-user';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import type { CalendarJobDto, CalendarLoadResultDto, CalendarYearDto } from './calendar.dto';

const yearOf = (raw: string): number => {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) throw new BadRequestException('year: must be a year from 2000 to 2100');
  return year;
};

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
    const r = validateYearArrangement(body);
    if (!r.ok) throw new BadRequestException(r.errors);
    if (r.value.year !== year) throw new BadRequestException(`year: the body is for ${r.value.year} but the path names ${year}`);
    const version = await saveCalendarYear(this.ds, r.value, user.username);
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
    return { year, version, days: r.value.days.length, job: (await this.job(jobId))! };
  }

  /** A calendar job's progress: touched, signalled, closed meanwhile, due day moved. */
  async job(id: string): Promise<CalendarJobDto> {
    const job = await findCalendarJob(this.ds, id);
    if (!job) throw new NotFoundException(`calendar job ${id} not found`);
    return job;
  }
}
