import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CalendarJobDto, CalendarLoadResultDto, CalendarPreviewDto, CalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Get('calendar/years/:year')
  @ApiOkResponse({
    type: CalendarYearDto,
    description: "the year's arrangement as the engine uses it (derived and provisional when not loaded)",
  })
  getYear(@Param('year') year: string): Promise<CalendarYearDto> {
    return this.calendar.getYear(year);
  }

  @Put('admin/calendar/years/:year')
  @Roles('admin')
  @ApiBody({
    description: 'the arrangement, or {ics: "<iCalendar text>", notice?} (the published feed)',
    schema: {
      oneOf: [
        { $ref: '#/components/schemas/CalendarYearDto' },
        { type: 'object', required: ['ics'], properties: { ics: { type: 'string' }, notice: { type: 'string' } } },
      ],
    },
  })
  @ApiOkResponse({ type: CalendarLoadResultDto })
  @ApiBadRequestResponse({ description: 'every rule the arrangement breaks, each naming the field' })
  loadYear(@Param('year') year: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<CalendarLoadResultDto> {
    return this.calendar.loadYear(year, body, user);
  }

  @Post('admin/calendar/years/:year/preview')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody({
    description: 'the arrangement as PUT takes it, or {ics: "<iCalendar text>", notice?: "国办发明电〔…〕号"}',
    schema: {
      oneOf: [
        { $ref: '#/components/schemas/CalendarYearDto' },
        { type: 'object', required: ['ics'], properties: { ics: { type: 'string' }, notice: { type: 'string' } } },
      ],
    },
  })
  @ApiOkResponse({ type: CalendarPreviewDto, description: 'the open cases whose due day would change, and how; nothing is written' })
  @ApiBadRequestResponse({ description: 'every rule the arrangement breaks, each naming the field' })
  preview(@Param('year') year: string, @Body() body: unknown): Promise<CalendarPreviewDto> {
    return this.calendar.previewYear(year, body);
  }

  @Get('admin/calendar/jobs/:id')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarJobDto, description: 'progress of the job that carries a calendar load to the open cases' })
  @ApiNotFoundResponse({ description: 'no such job' })
  job(@Param('id') id: string): Promise<CalendarJobDto> {
    return this.calendar.job(id);
  }
}
