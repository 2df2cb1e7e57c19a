import { BadRequestException, Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { type AnnualReport, reportCsv, reportHtml } from './annual-report';
import { reportXlsx } from './annual-report.xlsx';
import { AnnualReportDto } from './reports.dto';
import { ReportsService } from './reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get('annual')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiQuery({ name: 'year', required: true, example: '2026' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'html', 'xlsx'] })
  @ApiProduces('application/json', 'text/csv', 'text/html', XLSX)
  @ApiOkResponse({
    type: AnnualReportDto,
    description:
      'sections 三 and 四 of the annual report (legal-rules.md section 9); csv: section 三, an empty line, section 四; html: the printable tables; xlsx: both tables in the official layout, the balance check and the cases to place by hand',
  })
  @ApiBadRequestResponse({ description: 'year or format is not valid' })
  async annual(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): unknown },
    @Query('year') year?: string,
    @Query('format') format?: string,
  ): Promise<AnnualReport | string | StreamableFile> {
    if (format !== undefined && !['json', 'csv', 'html', 'xlsx'].includes(format))
      throw new BadRequestException('format: must be json, csv, html or xlsx');
    const report = await this.reports.annual(year, user);
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="annual-report-${report.year}.csv"`);
      return reportCsv(report);
    }
    if (format === 'xlsx') {
      return new StreamableFile(await reportXlsx(report), {
        type: XLSX,
        disposition: `attachment; filename="annual-report-${report.year}.xlsx"`,
      });
    }
    if (format === 'html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return reportHtml(report);
    }
    return report;
  }
}
