import { type INestApplication, type LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type ApiInfrastructure } from './app.module';
import { JsonLogger } from './common/json-logger';
import { requestContext } from './common/request-context';
import { ApiMetrics } from './metrics/metrics.service';
import { requestShapePipe, validationPipe } from './common/validation';
import { UnavailableFilter } from './common/unavailable';

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
  app.use(app.get(ApiMetrics).middleware());
  app.useGlobalPipes(requestShapePipe, validationPipe);
  // A database or Temporal that is down answers 503 + Retry-After, never a 500.
  app.useGlobalFilters(new UnavailableFilter(app.get(HttpAdapterHost).httpAdapter));
  const doc = new DocumentBuilder()
    .setTitle('disclosure-engine API')
    .setDescription('Applications for disclosure of government information (政府信息公开申请): intake, case steps, deadlines.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
