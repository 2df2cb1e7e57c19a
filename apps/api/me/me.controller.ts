import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { type InboxItem, MeService, type NotificationView } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  constructor(@Inject(MeService) private readonly me: MeService) {}

  @Get('inbox')
  @ApiOkResponse({ description: 'open cases assigned to the caller or waiting on a step of their role, with those steps' })
  inbox(@CurrentUser() user: AuthUser): Promise<{ items: InboxItem[]; total: number; truncated: boolean }> {
    return this.me.inbox(user);
  }

  @Get('notifications')
  @ApiOkResponse({ description: 'reminders and escalations to the caller or their role, unread first' })
  notifications(@CurrentUser() user: AuthUser): Promise<{ items: NotificationView[]; unread: number }> {
    return this.me.notifications(user);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the notification, marked read' })
  @ApiNotFoundResponse({ description: 'no such notification for the caller' })
  markRead(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<NotificationView> {
    return this.me.markRead(id, user);
  }
}
