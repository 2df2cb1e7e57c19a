import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, registerDecorator } from 'class-validator';
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

export const REPLAY_DEFAULT_LIMIT = 100;
export const REPLAY_MAX_LIMIT = 500;
const limitMessage = `limit must be an integer from 1 to ${REPLAY_MAX_LIMIT}`;

/**
 * POST /api/audit/replay: one case (applicationId) or the cases closed in [closedFrom, closedTo),
 * at most `limit` of them per call in closing order; `cursor` (the previous answer's `next`) continues.
 */
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

  @ApiPropertyOptional({
    example: REPLAY_DEFAULT_LIMIT,
    minimum: 1,
    maximum: REPLAY_MAX_LIMIT,
    description: `period only: at most this many cases per call (default ${REPLAY_DEFAULT_LIMIT})`,
  })
  @IsOptional()
  @IsInt({ message: limitMessage })
  @Min(1, { message: limitMessage })
  @Max(REPLAY_MAX_LIMIT, { message: limitMessage })
  limit?: number;

  @ApiPropertyOptional({ description: 'period only: the `next` of the previous call, to continue where it stopped' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}

export class ReplayFailureDto {
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['divergence', 'missing', 'error'] }) kind!: 'divergence' | 'missing' | 'error';
  @ApiProperty() error!: string;
}

export class ReplayReportDto {
  @ApiProperty({ description: 'cases whose history was looked up (in this call)' }) checked!: number;
  @ApiProperty({ description: 'cases whose history replays with the current workflow code' }) ok!: number;
  @ApiProperty({ type: [ReplayFailureDto] }) failures!: ReplayFailureDto[];
  @ApiProperty({ description: 'true: more cases closed in the period remain; call again with cursor = next' }) truncated!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the cursor to continue with; null when nothing remains' })
  next!: string | null;
}

/** POST /api/audit/replay-jobs: replay every case closed in [closedFrom, closedTo) in the background. */
export class ReplayJobRequestDto {
  @ApiProperty({ example: '2026-01-01', description: 'cases closed at or after (a day is midnight China time)' })
  @IsPeriodBound()
  closedFrom!: string;

  @ApiProperty({ example: '2026-02-01', description: 'cases closed before (exclusive)' })
  @IsPeriodBound()
  closedTo!: string;
}

export class ReplayJobFailureDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ enum: ['divergence', 'missing', 'error'] }) kind!: 'divergence' | 'missing' | 'error';
  @ApiProperty() error!: string;
}

export class ReplayJobDto {
  @ApiProperty({ example: 'replay-3f2a…' }) id!: string;
  @ApiProperty({ example: '2026-01-01', description: 'the period’s first day (China time)' }) closedFrom!: string;
  @ApiProperty({ example: '2026-02-01', description: 'the day the period ends (exclusive, China time)' }) closedTo!: string;
  @ApiProperty({ enum: ['running', 'completed'] }) status!: 'running' | 'completed';
  @ApiProperty({ description: 'the cases closed in the period when the job started' }) total!: number;
  @ApiProperty({ description: 'cases replayed so far' }) done!: number;
  @ApiProperty() ok!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() startedBy!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: [ReplayJobFailureDto], description: 'the cases that did not replay (at most 200)' })
  failures!: ReplayJobFailureDto[];
}
