import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { SupervisionService } from './supervision.service';

// Reassigning a case is the `assign` action (POST /api/applications/:id/actions/assign,
// roles clerk and supervisor, from triage / assigned / searching): no separate route.
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/supervision')
export class SupervisionController {
  constructor(@Inject(SupervisionService) private readonly supervision: SupervisionService) {}

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
}
