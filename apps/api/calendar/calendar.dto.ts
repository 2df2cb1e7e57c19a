import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday: a Mon-Fri day off; workday: a weekend day declared a working day' })
  kind!: 'holiday' | 'workday';
  @ApiPropertyOptional({ example: '国庆节' }) name?: string;
  @ApiPropertyOptional() notice?: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ description: 'false: only statutory holidays derived from the holiday law; deadlines are provisional' })
  official!: boolean;
  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' }) notice?: string;
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
  @ApiPropertyOptional({ description: 'calendar version that wrote this year; absent for a derived year' }) version?: string;
}

export class CalendarJobDto {
  @ApiProperty({ example: 'calendar-db-2-2027', description: 'GET /api/admin/calendar/jobs/{id} shows its progress' }) id!: string;
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: 'db-2-2027' }) version!: string;
  @ApiProperty() startedBy!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, description: 'when every touched case had been signalled; null while running' })
  finishedAt!: string | null;
  @ApiProperty({ description: 'open cases whose answer period touched the year when the job started' }) affected!: number;
  @ApiProperty({ description: 'cases signalled to reload the calendar so far' }) signalled!: number;
  @ApiProperty({ description: 'cases that had closed before they were reached' }) notRunning!: number;
  @ApiProperty({ description: 'signalled cases whose due day has moved since (each recomputes on its signal)' }) changed!: number;
}

export class CalendarLoadResultDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: 'db-2-2027' }) version!: string;
  @ApiProperty({ example: 21 }) days!: number;
  @ApiProperty({ type: CalendarJobDto, description: 'the job that tells the open cases it touches to recompute their deadlines' })
  job!: CalendarJobDto;
}

export class CalendarPreviewChangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'LYZF-2027-00012' }) registrationNumber!: string;
  @ApiProperty({ example: 'searching' }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-10-08', description: 'the due day with the calendar in force' })
  dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-10-11', description: 'the due day with the proposed arrangement' })
  dueOnAfter!: string | null;
}

export class CalendarPreviewDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: 21, description: 'rows of the proposed arrangement' }) days!: number;
  @ApiProperty({ description: 'open cases whose answer period touches the year' }) openCases!: number;
  @ApiProperty({ description: 'how many of them were examined (the most urgent first, at most 5000)' }) examined!: number;
  @ApiProperty({ description: 'cases whose workflow could not be asked (they are told when the year is loaded all the same)' })
  unreadable!: number;
  @ApiProperty({ type: [CalendarPreviewChangeDto], description: 'the cases whose due day would change, by current due day' })
  changes!: CalendarPreviewChangeDto[];
  @ApiProperty({
    type: CalendarYearDto,
    description: 'the arrangement as read from the body (an ICS feed parsed): what loading it would store',
  })
  arrangement!: CalendarYearDto;
}
