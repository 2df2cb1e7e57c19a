import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../libs/config/config';
import { CaseAccess } from './access/case-access';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { AdminAuditController, AdminOfficesController, AdminUsersController } from './admin/admin.controller';
import { AdminRepository } from './admin/admin.repository';
import { OfficesService } from './admin/offices.service';
import { UsersService } from './admin/users.service';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsRepository } from './applications/applications.repository';
import { ApplicationsService } from './applications/applications.service';
import { AuditController } from './audit/audit.controller';
import { CaseFileController } from './audit/case-file.controller';
import { CaseFileService } from './audit/case-file.service';
import { ReplayController } from './audit/replay.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from './common/tokens';
import { webAppModule, webDistDir } from './common/web-app';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { ApiMetrics } from './metrics/metrics.service';
import { MeController } from './me/me.controller';
import { MeRepository } from './me/me.repository';
import { MeService } from './me/me.service';
import { NoticesController, NoticeTemplatesController } from './notices/notices.controller';
import { NoticesService } from './notices/notices.service';
import { NoticesRepository } from './notices/notices.repository';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { PublicController } from './public/public.controller';
import { PublicRepository } from './public/public.repository';
import { PublicService } from './public/public.service';
import { ReferenceController } from './reference/reference.controller';
import { ReportsController } from './reports/reports.controller';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { RemediesController } from './remedies/remedies.controller';
import { RemediesRepository } from './remedies/remedies.repository';
import { RemediesService } from './remedies/remedies.service';
import { SupervisionController } from './supervision/supervision.controller';
import { SupervisionRepository } from './supervision/supervision.repository';
import { SupervisionActionsService } from './supervision/supervision-actions.service';
import { SupervisionService } from './supervision/supervision.service';

export interface ApiInfrastructure {
  config: AppConfig;
  dataSource: DataSource;
  temporal: Client;
}

// Infrastructure is built outside Nest and handed in, so tests and the process
// entry point share one way of wiring it.
@Module({})
export class AppModule {
  static register(infra: ApiInfrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...webAppModule(webDistDir()),
        JwtModule.register({
          // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it
          // as a PEM public key on every verify, and that failed parse (an exception) cost
          // about 0.7 ms of CPU per request.
          secret: createSecretKey(Buffer.from(infra.config.jwtSecret)),
          signOptions: { expiresIn: infra.config.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuthController,
        ApplicationsController,
        CalendarController,
        AuditController,
        ReplayController,
        CaseFileController,
        ActionsController,
        NoticesController,
        NoticeTemplatesController,
        MeController,
        SupervisionController,
        ReportsController,
        AdminOfficesController,
        AdminUsersController,
        AdminAuditController,
        RemediesController,
        ReferenceController,
        PublicController,
        MessagesController,
      ],
      providers: [
        { provide: CONFIG, useValue: infra.config },
        { provide: DATA_SOURCE, useValue: infra.dataSource },
        { provide: TEMPORAL_CLIENT, useValue: infra.temporal },
        { provide: APP_GUARD, useClass: AuthGuard },
        ApiMetrics,
        AuthService,
        CaseAccess,
        ApplicationsService,
        ApplicationsRepository,
        CalendarService,
        ActionsService,
        NoticesService,
        NoticesRepository,
        MeService,
        MeRepository,
        SupervisionService,
        SupervisionActionsService,
        CaseFileService,
        SupervisionRepository,
        ReportsService,
        ReportsRepository,
        AdminRepository,
        OfficesService,
        UsersService,
        RemediesService,
        RemediesRepository,
        PublicService,
        PublicRepository,
        MessagesService,
      ],
    };
  }
}
