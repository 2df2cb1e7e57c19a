import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ActionResult, AvailableAction } from '../../../libs/contracts/case';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { ActionsService } from './actions.service';

@ApiTags('actions')
@ApiBearerAuth()
@Controller('api/applications/:id/actions')
export class ActionsController {
  constructor(@Inject(ActionsService) private readonly actions: ActionsService) {}

  @Post(':name')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried step with the same key is applied once' })
  @ApiOkResponse({ description: 'the step was accepted; the new state of the case' })
  @ApiBadRequestResponse({ description: 'the body breaks a rule; the message names the field' })
  @ApiForbiddenResponse({ description: "the caller's role may not take this step, or would approve their own draft" })
  @ApiConflictResponse({ description: 'the step is not allowed in the current status or outside its window' })
  @ApiNotFoundResponse({ description: 'unknown application or action' })
  take(
    @Param('id') id: string,
    @Param('name') name: string,
    // Raw body: the action's own validator (libs/case, shared with the workflow) checks it.
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') requestId?: string,
  ): Promise<ActionResult> {
    return this.actions.take(id, name, body, user, requestId);
  }

  @Get()
  @ApiOkResponse({ description: "the steps the caller's role may take now" })
  list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AvailableAction[]> {
    return this.actions.available(id, user);
  }
}
