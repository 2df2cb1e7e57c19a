import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/current-user';
import { type AnnualReport, buildAnnualReport } from './annual-report';
import { ReportsRepository } from './reports.repository';

@Injectable()
export class ReportsService {
  constructor(@Inject(ReportsRepository) private readonly repo: ReportsRepository) {}

  async annual(rawYear: string | undefined, user: AuthUser): Promise<AnnualReport> {
    if (!rawYear || !/^\d{4}$/.test(rawYear) || Number(rawYear) < 2008 || Number(rawYear) > 2100) {
      throw new BadRequestException('year: must be a year YYYY (2008-2100)');
    }
    const year = Number(rawYear);
    const [office, cases, remedies] = await Promise.all([
      this.repo.office(user.officeId),
      this.repo.cases(user.officeId, year),
      this.repo.remedies(user.officeId, year),
    ]);
    return buildAnnualReport(year, { code: office?.code ?? '', name: office?.name ?? '' }, cases, remedies);
  }
}
