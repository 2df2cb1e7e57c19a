import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { workflowIdFor } from '../../../libs/contracts/application';
import { calendarUpdatedSignal } from '../../../libs/contracts/workflow';
import { validateYearArrangement } from '../../../libs/calendar/year-arrangement.validator';
import { derivedYear } from '../../../libs/calendar/derived-holidays';
import { findCalendarYear, openCasesTouchingYear, saveCalendarYear } from '../../../libs/persistence/calendar.repository';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import type { CalendarLoadResultDto, CalendarYearDto } from './calendar.dto';

const yearOf = (raw: string): number => {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) throw new BadRequestException('year: must be a year from 2000 to 2100');
  return year;
};

@Injectable()
export class CalendarService {
  private readonly log = new Logger(CalendarService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
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
    const affectedOpenCases = await openCasesTouchingYear(this.ds, year);
    // Each running case reloads the calendar and re-arms its timers if its due day moved.
    const signalled = await Promise.allSettled(
      affectedOpenCases.map((c) => this.temporal.workflow.getHandle(workflowIdFor(c.id)).signal(calendarUpdatedSignal, { version })),
    );
    const failed = signalled.filter((s) => s.status === 'rejected').length;
    if (failed) this.log.warn(`calendar ${version}: ${failed} of ${affectedOpenCases.length} cases could not be signalled`);
    return { year, version, days: r.value.days.length, affectedOpenCases, signalled: affectedOpenCases.length - failed };
  }
}
