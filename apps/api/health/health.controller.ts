import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

type Check = { ok: boolean; error?: string };

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'PostgreSQL and Temporal are reachable' })
  @ApiServiceUnavailableResponse({ description: 'one of them is not; the body says which' })
  async check(): Promise<{ status: 'ok'; database: Check; temporal: Check }> {
    const probe = async (fn: () => Promise<unknown>): Promise<Check> => {
      try {
        await withTimeout(fn(), 3000);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    };
    const [database, temporal] = await Promise.all([
      probe(() => this.ds.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    if (!database.ok || !temporal.ok) {
      throw new HttpException({ status: 'unavailable', database, temporal }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', database, temporal };
  }
}
