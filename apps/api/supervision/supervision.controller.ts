import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { SupervisionRepository } from './supervision.repository';
import { ClerkLoadDto, ReassignDto, ReassignResponseDto, RemindDto, RemindResponseDto } from './supervision.dto';
import { SupervisionActionsService } from './supervision-actions.service';
import { type Stats, SupervisionService } from './supervision.service';
import { STATS_TABLES, type StatsTable, statsCsv } from './stats-csv';

// Reassigning one case is the `assign` action (POST /api/applications/:id/actions/assign, roles
// clerk and supervisor, from triage / assigned / searching); `reassign` below sends that same step
// for several cases at once.
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/supervision')
export class SupervisionController {
  constructor(
    @Inject(SupervisionService) private readonly supervision: SupervisionService,
    @Inject(SupervisionActionsService) private readonly bulk: SupervisionActionsService,
    @Inject(SupervisionRepository) private readonly repo: SupervisionRepository,
  ) {}

  @Get('board')
  @Roles('supervisor', 'auditor')
  @ApiQuery({ name: 'days', required: false, description: 'due soon: within this many working days (default 5)' })
  @ApiOkResponse({
    description:
      'overdue and due-soon open cases, and open cases held by a deactivated user (to reassign), counted by department and assignee, with the lists',
  })
  board(@CurrentUser() user: AuthUser, @Query('days') days?: string): ReturnType<SupervisionService['board']> {
    return this.supervision.board(user, days);
  }

  @Get('clerks')
  @Roles('supervisor')
  @ApiOkResponse({
    type: [ClerkLoadDto],
    description: "the office's active clerks, their department and how many open cases each holds (to choose whom to reassign cases to)",
  })
  clerks(@CurrentUser() user: AuthUser): Promise<ClerkLoadDto[]> {
    return this.repo.activeClerks(user.officeId);
  }

  @Get('stats')
  @Roles('supervisor', 'auditor')
  @ApiQuery({ name: 'from', required: true, example: '2026-01-01' })
  @ApiQuery({ name: 'to', required: true, example: '2026-12-31' })
  @ApiQuery({ name: 'department', required: false, description: 'a department code: only its cases' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery({ name: 'table', required: false, enum: STATS_TABLES, description: 'with format=csv: which table (each chart has one)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'for [from, to]: applications received per month; answers with on-time rate and mean working days from receipt to answer, by department and month; ' +
      "outcomes by the annual report's kinds of result; open cases by age in working days (today). csv: one table, with its header",
  })
  @ApiBadRequestResponse({ description: 'from / to missing or not dates; department not a code; format or table unknown' })
  async stats(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): unknown },
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('department') department?: string,
    @Query('format') format?: string,
    @Query('table') table?: string,
  ): Promise<Stats | string> {
    if (format !== undefined && format !== 'json' && format !== 'csv') throw new BadRequestException('format: must be json or csv');
    if (format === 'csv' && !STATS_TABLES.includes(table as StatsTable))
      throw new BadRequestException(`table: with format=csv, must be one of ${STATS_TABLES.join(', ')}`);
    const stats = await this.supervision.stats(user, from, to, department || undefined);
    if (format !== 'csv') return stats;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="stats-${table}-${stats.from}-${stats.to}.csv"`);
    return statsCsv(stats, table as StatsTable);
  }

  @Post('reassign')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key reassigns nothing twice' })
  @ApiOkResponse({
    type: ReassignResponseDto,
    description: 'each case went through its assign step (or says why not: outside scope, wrong state, assignee not an active clerk)',
  })
  @ApiBadRequestResponse({ description: 'applicationIds empty, too many, repeated or not UUIDs; assignee missing' })
  reassign(
    @CurrentUser() user: AuthUser,
    @Body() body: ReassignDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ReassignResponseDto> {
    return this.bulk.reassign(user, body.applicationIds, body.assignee, key);
  }

  @Post('reminders')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key sends each reminder once' })
  @ApiOkResponse({ type: RemindResponseDto, description: "a reminder (督办) in the notifications of each case's handler" })
  @ApiBadRequestResponse({ description: 'applicationIds empty, too many, repeated or not UUIDs; message over 500 characters' })
  remind(@CurrentUser() user: AuthUser, @Body() body: RemindDto, @Headers('idempotency-key') key?: string): Promise<RemindResponseDto> {
    return this.bulk.remind(user, body.applicationIds, body.message, key);
  }
}
