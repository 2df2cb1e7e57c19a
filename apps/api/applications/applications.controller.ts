import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { RegistrationResult } from '../../../libs/contracts/application';
import type { DeadlineExplanationView } from '../../../libs/contracts/workflow';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ApplicationViewDto, CaseStepDto, CreateApplicationDto, RegistrationResponseDto } from './application.dto';
import { ApplicationListDto, ListApplicationsQueryDto, PendingConfirmationListDto } from './application-list.dto';
import { ApplicationsService } from './applications.service';
import type { CaseAtMoment, TimelineEntry } from './case-history';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retrying with the same key returns the same application' })
  @ApiCreatedResponse({ type: RegistrationResponseDto, description: 'registered (or waiting for receipt confirmation)' })
  @ApiBadRequestResponse({ description: 'a field is missing or breaks a rule; the message names it' })
  @ApiUnprocessableEntityResponse({ description: 'registration was refused (e.g. unknown office)' })
  create(
    @Body() body: CreateApplicationDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RegistrationResult> {
    return this.applications.submit(body, user, idempotencyKey);
  }

  @Get()
  @ApiOkResponse({ type: ApplicationListDto, description: "the caller's cases (a clerk: own department + unassigned), ID numbers masked" })
  @ApiBadRequestResponse({ description: 'a parameter is unknown or breaks a rule; the message names it' })
  list(@Query() query: ListApplicationsQueryDto, @CurrentUser() user: AuthUser): Promise<ApplicationListDto> {
    return this.applications.list(query, user);
  }

  @Get('pending-confirmation')
  @ApiOkResponse({
    type: PendingConfirmationListDto,
    description: 'submissions by mail, online or fax waiting for receipt confirmation, oldest first, flagged when past their arrival day',
  })
  pendingConfirmation(@CurrentUser() user: AuthUser): Promise<PendingConfirmationListDto> {
    return this.applications.pendingConfirmation(user);
  }

  @Get(':id/timeline')
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({ description: 'case steps (who, what, when, deadline before/after) merged with the Temporal event history' })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown application' })
  timeline(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<{ id: string; temporalHistory: boolean; entries: TimelineEntry[] }> {
    return this.applications.timeline(id, user);
  }

  @Get(':id/history')
  @ApiOkResponse({
    type: [CaseStepDto],
    description: 'the steps recorded on the case, in order (who, what, when, with what comment and details): the case page’s timeline',
  })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  history(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CaseStepDto[]> {
    return this.applications.history(id, user);
  }

  @Get(':id/deadline')
  @ApiOkResponse({
    description:
      'why the due day is what it is: regime, day 0, counted working days, holidays and make-up days, pauses, extension, calendar version (deadline: null until the receipt day is known)',
  })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  deadline(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<{ id: string; deadline: DeadlineExplanationView | null }> {
    return this.applications.deadline(id, user);
  }

  @Get(':id/at')
  @Roles('auditor', 'supervisor')
  @ApiQuery({ name: 'moment', required: true, example: '2026-11-27T10:00:00+08:00', description: 'an ISO date-time' })
  @ApiOkResponse({ description: 'the case as it stood at `moment`: the state the workflow recorded with the last step by then' })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  at(@Param('id') id: string, @Query('moment') moment: string | undefined, @CurrentUser() user: AuthUser): Promise<CaseAtMoment> {
    return this.applications.at(id, moment, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: ApplicationViewDto })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ApplicationViewDto> {
    return this.applications.get(id, user);
  }
}
