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

export class CalendarLoadResultDto {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ example: 'db-2-2027' }) version!: string;
  @ApiProperty({ example: 21 }) days!: number;
  @ApiProperty({ description: 'open cases whose answer period touches the year; their deadlines are recomputed' })
  affectedOpenCases!: { id: string; registrationNumber: string; dueOn: string | null }[];
  @ApiProperty({ description: 'how many of those running cases were told to recompute their deadlines' })
  signalled!: number;
}
