import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { CONTENT_TYPE } from './exposition';
import { ApiMetrics } from './metrics.service';

// Unauthenticated like /health, so Prometheus needs no token: it shows counts only (no
// case, person or user names). Keep it off the public network like the rest of the API's
// operational endpoints (the API binds 127.0.0.1 unless HOST says otherwise).
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Public()
  @Get()
  @Header('Content-Type', CONTENT_TYPE)
  @ApiProduces(CONTENT_TYPE)
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4: HTTP requests and latency, open and overdue cases, letters issued',
  })
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
