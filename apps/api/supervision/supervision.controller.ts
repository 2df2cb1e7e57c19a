import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ReassignDto, ReassignResponseDto, RemindDto, RemindResponseDto } from './supervision.dto';
import { SupervisionActionsService } from './supervision-actions.service';
import { SupervisionService } from './supervision.service';

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

  @Get('stats')
  @Roles('supervisor', 'auditor')
  @ApiQuery({ name: 'from', required: true, example: '2026-01-01' })
  @ApiQuery({ name: 'to', required: true, example: '2026-12-31' })
  @ApiOkResponse({
    description: 'answers in [from, to]: on-time rate and mean working days from receipt to answer, by department and month',
  })
  @ApiBadRequestResponse({ description: 'from / to missing or not dates' })
  stats(@CurrentUser() user: AuthUser, @Query('from') from?: string, @Query('to') to?: string): ReturnType<SupervisionService['stats']> {
    return this.supervision.stats(user, from, to);
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
