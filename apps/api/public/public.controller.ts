import { Body, Controller, Get, Headers, HttpCode, Inject, Ip, Param, Post, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { attachmentDisposition } from '../notices/content-disposition';
import { NOTICE_FORMATS } from '../notices/notices.service';
import { ChallengeDto, PublicApplicationDto, PublicSubmissionDto, TrackingDto } from './public.dto';
import { PublicExceptionFilter, PublicService } from './public.service';

/** The applicant's side, without login: apply online, track by query code and phone, download letters. */
@ApiTags('public')
@Public()
@UseFilters(PublicExceptionFilter)
@Controller('api/public')
export class PublicController {
  constructor(@Inject(PublicService) private readonly service: PublicService) {}

  @Get('challenge')
  @ApiOkResponse({ type: ChallengeDto, description: 'a proof-of-work puzzle: single use, valid for 5 minutes' })
  challenge(): ChallengeDto {
    return this.service.challenge();
  }

  @Post('applications')
  @HttpCode(202)
  @ApiHeader({ name: 'X-Challenge', required: false, description: 'the token of GET /api/public/challenge (unless PUBLIC_CHALLENGE=off)' })
  @ApiHeader({ name: 'X-Challenge-Solution', required: false, description: 'the nonce that solves it' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key and body gets the same application and query code (without a new challenge)',
  })
  @ApiAcceptedResponse({ type: PublicSubmissionDto, description: 'submitted; waits for the office to confirm receipt (Art. 31(3))' })
  @ApiBadRequestResponse({ description: 'a field breaks a rule (named), or the challenge is missing, wrong or used (code CHALLENGE_*)' })
  @ApiTooManyRequestsResponse({ description: 'code RATE_LIMITED, with Retry-After' })
  submit(
    @Body() body: PublicApplicationDto,
    @Ip() ip: string,
    @Headers('x-challenge') token?: string,
    @Headers('x-challenge-solution') nonce?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PublicSubmissionDto> {
    return this.service.submit(body, ip, { token, nonce }, idempotencyKey);
  }

  @Get('applications/:code')
  @ApiOkResponse({ type: TrackingDto })
  @ApiNotFoundResponse({ description: 'the same answer for an unknown code and a wrong phone' })
  @ApiTooManyRequestsResponse({ description: 'code RATE_LIMITED, with Retry-After' })
  track(@Param('code') code: string, @Query('phone') phone: string | undefined, @Ip() ip: string): Promise<TrackingDto> {
    return this.service.track(code, typeof phone === 'string' ? phone : undefined, ip);
  }

  @Get('letters/:token/:format')
  @ApiProduces(...Object.values(NOTICE_FORMATS))
  @ApiOkResponse({ description: 'the letter (html, docx or pdf) by a link from tracking, valid for an hour' })
  @ApiNotFoundResponse({ description: 'unknown, foreign or expired link' })
  async letter(
    @Param('token') token: string,
    @Param('format') format: string,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ): Promise<StreamableFile> {
    const f = await this.service.letter(token, format, ip);
    res.setHeader('X-Content-SHA256', f.contentHash);
    return new StreamableFile(f.body, {
      type: f.contentType,
      length: f.body.length,
      disposition: f.format === 'html' ? undefined : attachmentDisposition(f.number, f.format),
    });
  }
}
