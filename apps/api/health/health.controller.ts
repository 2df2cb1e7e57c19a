import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

export type Check = { ok: boolean; error?: string };
export type Readiness = { status: 'ok' | 'unavailable'; database: Check; temporal: Check };

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** Asks both dependencies at once; each answers within `timeoutMs` or counts as down, with the reason. */
export async function readiness(
  probes: { database: () => Promise<unknown>; temporal: () => Promise<unknown> },
  timeoutMs = 3000,
): Promise<Readiness> {
  const probe = async (fn: () => Promise<unknown>): Promise<Check> => {
    try {
      await withTimeout(fn(), timeoutMs);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  };
  const [database, temporal] = await Promise.all([probe(probes.database), probe(probes.temporal)]);
  return { status: database.ok && temporal.ok ? 'ok' : 'unavailable', database, temporal };
}

// Liveness (/health/live) only says the process answers HTTP: a restart cannot fix a
// database or Temporal outage, so an orchestrator must not kill the API for one.
// Readiness (/health/ready, and /health as before) says whether it can serve requests.
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'PostgreSQL and Temporal are reachable (the same as /health/ready, kept for existing probes)' })
  @ApiServiceUnavailableResponse({ description: 'one of them is not; the body says which' })
  check(): Promise<Readiness> {
    return this.ready();
  }

  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'the API process is up and answering; always 200, whatever PostgreSQL and Temporal do' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL and Temporal are reachable: the API can serve requests' })
  @ApiServiceUnavailableResponse({ description: 'one of them is not; the body says which and why' })
  async ready(): Promise<Readiness> {
    const r = await readiness({
      database: () => this.ds.query('SELECT 1'),
      temporal: () => this.temporal.workflowService.getSystemInfo({}),
    });
    if (r.status !== 'ok') throw new HttpException(r, HttpStatus.SERVICE_UNAVAILABLE);
    return r;
  }
}
