import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, registerDecorator } from 'class-validator';
import { parsePeriodBound } from '../../worker/replay-verify';

function IsPeriodBound() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPeriodBound',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => parsePeriodBound(v) !== undefined,
        defaultMessage: () => `${propertyName} must be a date YYYY-MM-DD or an ISO date-time with offset`,
      },
    });
}

/** POST /api/audit/replay: one case (applicationId) or the cases closed in [closedFrom, closedTo). */
export class ReplayRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'replay this case only' })
  @IsOptional()
  @IsUUID('all', { message: 'applicationId must be a UUID' })
  applicationId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'cases closed at or after (a day is midnight China time)' })
  @IsOptional()
  @IsPeriodBound()
  closedFrom?: string;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'cases closed before (exclusive)' })
  @IsOptional()
  @IsPeriodBound()
  closedTo?: string;
}

export class ReplayFailureDto {
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['divergence', 'missing', 'error'] }) kind!: 'divergence' | 'missing' | 'error';
  @ApiProperty() error!: string;
}

export class ReplayReportDto {
  @ApiProperty({ description: 'cases whose history was looked up' }) checked!: number;
  @ApiProperty({ description: 'cases whose history replays with the current workflow code' }) ok!: number;
  @ApiProperty({ type: [ReplayFailureDto] }) failures!: ReplayFailureDto[];
}
