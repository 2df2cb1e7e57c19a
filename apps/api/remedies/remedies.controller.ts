import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { RemediesService } from './remedies.service';
import { CreateRemedyDto, REMEDY_KINDS, RemedyDto, RemedyListDto, UpdateRemedyDto } from './remedy.dto';

@ApiTags('remedies')
@ApiBearerAuth()
@Controller('api')
export class RemediesController {
  constructor(@Inject(RemediesService) private readonly remedies: RemediesService) {}

  @Post('applications/:id/remedies')
  @HttpCode(201)
  @Roles('clerk', 'supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retrying with the same key returns the same remedy' })
  @ApiCreatedResponse({ type: RemedyDto, description: 'recorded; a hash-chained event is appended to the case history' })
  @ApiBadRequestResponse({
    description: 'a field is missing or breaks a rule (dates: not in the future, not before receipt); the message names it',
  })
  @ApiForbiddenResponse({ description: 'only clerks (of the case’s department) and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  @ApiConflictResponse({
    description:
      'the case has no reply issued and is not closed; a litigation after reconsideration without one; an Idempotency-Key reused',
  })
  create(
    @Param('id') id: string,
    @Body() body: CreateRemedyDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RemedyDto> {
    return this.remedies.create(id, body, user, idempotencyKey);
  }

  @Get('applications/:id/remedies')
  @ApiOkResponse({ type: [RemedyDto], description: 'the case’s reconsiderations and litigations, by filing day' })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<RemedyDto[]> {
    return this.remedies.list(id, user);
  }

  @Get('remedies')
  @Roles('clerk', 'supervisor', 'auditor')
  @ApiQuery({ name: 'year', required: false, description: 'filed in this year' })
  @ApiQuery({ name: 'kind', required: false, enum: REMEDY_KINDS })
  @ApiQuery({ name: 'pending', required: false, enum: ['true', 'false'], description: 'true: only those without an outcome (尚未审结)' })
  @ApiOkResponse({
    type: RemedyListDto,
    description: 'the reconsiderations and litigations of the cases the caller may see, newest filing first, at most 500',
  })
  @ApiBadRequestResponse({ description: 'year, kind or pending is not valid; the message names it' })
  @ApiForbiddenResponse({ description: 'only clerks, supervisors and auditors' })
  listOffice(
    @CurrentUser() user: AuthUser,
    @Query('year') year?: string,
    @Query('kind') kind?: string,
    @Query('pending') pending?: string,
  ): Promise<RemedyListDto> {
    return this.remedies.listOffice(user, { year, kind, pending });
  }

  @Patch('remedies/:remedyId')
  @Roles('clerk', 'supervisor')
  @ApiOkResponse({ type: RemedyDto, description: 'the remedy after the change; the same values again change nothing' })
  @ApiBadRequestResponse({
    description: 'a field breaks a rule (outcomeOn before filedOn, outcome without outcomeOn); the message names it',
  })
  @ApiForbiddenResponse({ description: 'only clerks (of the case’s department) and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown remedy, or its case is outside the caller’s scope' })
  @ApiConflictResponse({ description: 'the outcome is already recorded: only a supervisor may correct it' })
  update(@Param('remedyId') remedyId: string, @Body() body: UpdateRemedyDto, @CurrentUser() user: AuthUser): Promise<RemedyDto> {
    return this.remedies.update(remedyId, body, user);
  }
}
