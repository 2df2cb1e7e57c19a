import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { attachmentDisposition } from '../notices/content-disposition';
import { CaseFileService } from './case-file.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/applications')
export class CaseFileController {
  constructor(@Inject(CaseFileService) private readonly caseFile: CaseFileService) {}

  @Get(':id/case-file')
  @Roles('auditor', 'supervisor')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      "the case's whole file (案卷) as a ZIP: application.json, deadline.json, timeline.json, events.json (with hashes), remedies.json, " +
      'letters/NN-<kind>.pdf|.docx|.html as stored, manifest.json (each file with its SHA-256, and whether the case’s events still match their hashes) and SHA256SUMS',
  })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s scope' })
  async download(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const f = await this.caseFile.build(id, user);
    return new StreamableFile(f.zip, {
      type: 'application/zip',
      disposition: attachmentDisposition(`案卷-${f.registrationNumber}`, 'zip'),
    });
  }
}
