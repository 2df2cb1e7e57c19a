import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, type ApiInfrastructure } from './app.module';
import { openApiDocument } from './openapi';
import { ApiErrorFilter } from './common/error-filter';
import { JsonLogger } from './common/json-logger';
import { requestContext } from './common/request-context';
import { securityHeaders, webAppNotBuilt, webDistDir } from './common/web-app';
import { ApiMetrics } from './metrics/metrics.service';
import { publicBodyLimit } from './public/public-body-limit';
import { requestShapePipe, validationPipe } from './common/validation';

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

export async function createApiApp(infra: ApiInfrastructure): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(infra), { logger: new JsonLogger(LEVELS[infra.config.logLevel]) });
  // Before Nest's routes (registered at init), so every request is logged and counted, 404s included.
  app.use(requestContext());
  app.use(securityHeaders());
  app.use(webAppNotBuilt(webDistDir()));
  app.use(app.get(ApiMetrics).middleware());
  // Behind the office's reverse proxy the rate limits must see the applicant's address, not the proxy's.
  const trustProxy = infra.config.publicPortal.trustProxy;
  if (trustProxy !== undefined) (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set('trust proxy', trustProxy);
  app.use('/api/public', publicBodyLimit(infra.config.publicPortal.bodyLimitBytes));
  app.useGlobalPipes(requestShapePipe, validationPipe);
  // Every error in one shape with its code; a database or Temporal that is down answers 503 + Retry-After, never a 500.
  app.useGlobalFilters(new ApiErrorFilter());
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
