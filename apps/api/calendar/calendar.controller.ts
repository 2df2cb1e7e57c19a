import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CalendarJobDto, CalendarLoadResultDto, CalendarYearDto } from './calendar.dto';
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
  @ApiBody({ type: CalendarYearDto })
  @ApiOkResponse({ type: CalendarLoadResultDto })
  @ApiBadRequestResponse({ description: 'every rule the arrangement breaks, each naming the field' })
  loadYear(@Param('year') year: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<CalendarLoadResultDto> {
    return this.calendar.loadYear(year, body, user);
  }

  @Get('admin/calendar/jobs/:id')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarJobDto, description: 'progress of the job that carries a calendar load to the open cases' })
  @ApiNotFoundResponse({ description: 'no such job' })
  job(@Param('id') id: string): Promise<CalendarJobDto> {
    return this.calendar.job(id);
  }
}
