import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { NoticeSummary } from '../../../libs/contracts/notice';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { NOTICE_FORMATS, NoticesService, type TemplateSummary } from './notices.service';
import type { NoticeTemplate } from './notice-documents';
import { attachmentDisposition } from './content-disposition';
import { TEMPLATE_BODY_SCHEMA, TemplateSummaryDto, TemplateVersionDto, TemplateVersionListDto } from './templates.dto';

/** The part of the HTTP response the handlers touch (no @types/express in the project). */
interface HeaderSink {
  setHeader(name: string, value: string): void;
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('api')
export class NoticesController {
  constructor(@Inject(NoticesService) private readonly notices: NoticesService) {}

  @Get('applications/:id/notices')
  @ApiOkResponse({
    description: 'the letters issued for the case: [{id, kind, letterKind, number, issuedAt, contentHash, templateVersion}]',
  })
  @ApiNotFoundResponse({ description: 'unknown application' })
  list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<NoticeSummary[]> {
    return this.notices.list(id, user);
  }

  @Get('applications/:id/draft-letter')
  @ApiProduces('text/html')
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: {
        template: { ...TEMPLATE_BODY_SCHEMA, description: 'a template not yet saved; absent: the one in force' },
        input: { type: 'object', additionalProperties: true, description: 'overrides of the sample case' },
      },
    } as never,
  })
  @ApiOkResponse({
    description: 'HTML of the reply letter the current draft would produce if issued today (number still to be given); nothing stored',
  })
  @ApiNotFoundResponse({ description: 'unknown application' })
  async draftLetter(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const html = Buffer.from(await this.notices.draftPreview(id, user), 'utf8');
    return new StreamableFile(html, { type: 'text/html; charset=utf-8' });
  }

  @Get('notices/:file')
  @ApiProduces(...Object.values(NOTICE_FORMATS))
  @ApiOkResponse({
    description:
      '<id>.html (the letter as issued; X-Content-SHA256 is its SHA-256), <id>.docx (packed on first download, then kept) ' +
      'or <id>.pdf (printed from the stored HTML on first download, then kept); DOCX and PDF are attachments named ' +
      'after the notice number',
  })
  @ApiBadRequestResponse({ description: 'not <uuid>.docx, .pdf or .html' })
  @ApiNotFoundResponse({ description: 'unknown notice' })
  @ApiServiceUnavailableResponse({ description: 'pdf: no Chromium on the server' })
  async file(
    @Param('file') file: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const f = await this.notices.file(file, user);
    res.setHeader('X-Content-SHA256', f.contentHash);
    return new StreamableFile(f.body, {
      type: f.contentType,
      length: f.body.length,
      disposition: f.format === 'html' ? undefined : attachmentDisposition(f.number, f.format),
    });
  }
}

@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/admin/templates')
@Roles('admin')
export class NoticeTemplatesController {
  constructor(@Inject(NoticesService) private readonly notices: NoticesService) {}

  @Get()
  @ApiOkResponse({ type: [TemplateSummaryDto], description: 'bundled templates and the stored versions administrators made' })
  @ApiForbiddenResponse({ description: 'not an administrator' })
  list(): Promise<TemplateSummary[]> {
    return this.notices.templates();
  }

  @Get(':kind/:regime/versions')
  @ApiOkResponse({
    type: TemplateVersionListDto,
    description: 'every version of the template, newest first: who saved it, when, what changed',
  })
  @ApiNotFoundResponse({ description: 'unknown letter kind or regime' })
  versions(@Param('kind') kind: string, @Param('regime') regime: string): Promise<TemplateVersionListDto> {
    return this.notices.templateVersions(kind, regime);
  }

  @Get(':kind/:regime/versions/:version')
  @ApiOkResponse({ type: TemplateVersionDto, description: 'one version with its text' })
  @ApiBadRequestResponse({ description: 'version is not a positive integer' })
  @ApiNotFoundResponse({ description: 'unknown letter kind, regime or version' })
  version(@Param('kind') kind: string, @Param('regime') regime: string, @Param('version') version: string): Promise<TemplateVersionDto> {
    return this.notices.templateVersion(kind, regime, version);
  }

  @Put(':kind/:regime')
  @ApiBody({ schema: TEMPLATE_BODY_SCHEMA as never })
  @ApiOkResponse({ description: 'the new version, used by the next notices of that kind and regime' })
  @ApiBadRequestResponse({ description: 'the template breaks a rule; each message names the field' })
  save(
    @Param('kind') kind: string,
    @Param('regime') regime: string,
    // Raw body: checked by validateTemplate (libs/documents), which names the field.
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ): Promise<NoticeTemplate> {
    return this.notices.saveTemplate(kind, regime, body, user);
  }

  @Post(':kind/:regime/preview')
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: {
        template: { ...TEMPLATE_BODY_SCHEMA, description: 'a template not yet saved; absent: the one in force' },
        input: { type: 'object', additionalProperties: true, description: 'overrides of the sample case' },
      },
    } as never,
  })
  @ApiOkResponse({ description: 'HTML of the template (body.template, else the one in force) with a sample case (body.input overrides)' })
  async preview(@Param('kind') kind: string, @Param('regime') regime: string, @Body() body: unknown): Promise<StreamableFile> {
    const html = Buffer.from(await this.notices.preview(kind, regime, body), 'utf8');
    return new StreamableFile(html, { type: 'text/html; charset=utf-8', length: html.length });
  }
}
