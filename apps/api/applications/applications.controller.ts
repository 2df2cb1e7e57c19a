import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { RegistrationResult } from '../../../libs/contracts/application';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ApplicationViewDto, CreateApplicationDto, RegistrationResponseDto } from './application.dto';
import { ApplicationsService } from './applications.service';

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

  @Get(':id')
  @ApiOkResponse({ type: ApplicationViewDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ApplicationViewDto> {
    return this.applications.get(id, user);
  }
}
