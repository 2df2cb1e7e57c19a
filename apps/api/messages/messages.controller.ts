import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OutboxMessage } from '../../../libs/persistence/message-outbox.repository';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { MessagesService, OUTBOX_STATUSES, type MessageTemplateView } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/admin')
@Roles('admin')
export class MessagesController {
  constructor(@Inject(MessagesService) private readonly messages: MessagesService) {}

  @Get('outbox')
  @ApiQuery({ name: 'status', required: false, enum: OUTBOX_STATUSES })
  @ApiQuery({ name: 'channel', required: false, enum: ['email', 'sms'] })
  @ApiQuery({ name: 'audience', required: false, enum: ['applicant', 'staff'] })
  @ApiQuery({ name: 'applicationId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1-500, default 100' })
  @ApiOkResponse({ description: 'messages to applicants and staff, newest first (held: no transport configured for the channel)' })
  @ApiBadRequestResponse({ description: 'a filter breaks a rule; the message names it' })
  @ApiForbiddenResponse({ description: 'not an administrator' })
  outbox(@Query() query: Record<string, unknown>): Promise<{ items: OutboxMessage[] }> {
    return this.messages.outbox(query);
  }

  @Get('message-templates')
  @ApiOkResponse({ description: 'the template in force of each message kind and channel, with the placeholders it may use' })
  @ApiForbiddenResponse({ description: 'not an administrator' })
  templates(): Promise<MessageTemplateView[]> {
    return this.messages.templates();
  }

  @Put('message-templates/:kind/:channel')
  @ApiOkResponse({ description: 'the new version, used by the next messages of that kind and channel' })
  @ApiBadRequestResponse({ description: 'unknown kind or channel, or the template breaks a rule (named)' })
  @ApiForbiddenResponse({ description: 'not an administrator' })
  save(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    // Raw body: checked by messageTemplateProblems (libs/messages), which names the field.
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<MessageTemplateView> {
    return this.messages.saveTemplate(kind, channel, body, user);
  }
}
