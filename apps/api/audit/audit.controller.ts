import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { type AuditVerification, verifyAuditChain } from '../../../libs/persistence/audit-verify';
import { Roles } from '../auth/roles.decorator';
import { DATA_SOURCE } from '../common/tokens';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  @Get('verify')
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({ description: '{ok, events, firstBadEvent?}: whether the audit log is exactly as written' })
  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.ds);
  }
}
