import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, registerDecorator } from 'class-validator';
import { CHANNELS, type ApplicantType, type Channel } from '../../../libs/contracts/application';
import { CASE_STATUSES, type CaseStatus } from '../../../libs/contracts/case';
import { isIsoDate } from '../../../libs/time/shanghai';

/**
 * The list counts matching cases up to this many (a screen shows "1000+"): an exact count of a
 * broad filter over years of cases costs more than the page itself (bench/scale: counting to
 * 10,000 was most of a 50 ms page at a million cases), and nobody pages that far by number.
 */
export const LIST_COUNT_CAP = 1_000;
/** The pending-confirmation list shows at most this many submissions, oldest first. */
export const PENDING_CONFIRMATION_CAP = 500;

function IsIsoDay() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoDay',
      target: target.constructor,
      propertyName,
      validator: { validate: (v: unknown) => isIsoDate(v), defaultMessage: () => `${propertyName} must be a date YYYY-MM-DD` },
    });
}

export const MAX_PAGE = 1_000_000;

export const LIST_SORTS = ['dueOn', 'receivedOn', 'registrationNumber', 'createdAt'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** GET /api/applications: every filter optional; unknown parameters are rejected by the global pipe. */
export class ListApplicationsQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: ['true'], description: 'only open cases (not closed)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'open must be true or false' })
  open?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true'],
    description: "the caller's work: cases assigned to the caller, and unassigned ones (of the caller's department, by the access rule)",
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'mine must be true or false' })
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ description: 'department code', example: 'OGI' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  department?: string;

  @ApiPropertyOptional({ description: 'username of the assignee' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  assignee?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'due on or after this day' })
  @IsOptional()
  @IsIsoDay()
  dueFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'due on or before this day' })
  @IsOptional()
  @IsIsoDay()
  dueTo?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['2008', '2019'] })
  @IsOptional()
  @IsIn(['2008', '2019'], { message: 'regime must be 2008 or 2019' })
  regime?: '2008' | '2019';

  @ApiPropertyOptional({ description: "text in the applicant's name or the request description" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer' })
  @Min(1, { message: 'page must be at least 1' })
  // Bounded so that (page - 1) * pageSize stays a safe integer PostgreSQL takes as an OFFSET.
  @Max(MAX_PAGE, { message: `page must not be greater than ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer' })
  @Min(1, { message: 'pageSize must be at least 1' })
  @Max(100, { message: 'pageSize must not be greater than 100' })
  pageSize?: number;

  @ApiPropertyOptional({ enum: LIST_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(LIST_SORTS, { message: `sort must be one of ${LIST_SORTS.join(', ')}` })
  sort?: ListSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({
    description:
      'keyset paging: the `next` of the previous page (sort createdAt or registrationNumber); reads as fast on page 500 as on page 1, unlike page=',
  })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  after?: string;
}

export class ApplicationListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ nullable: true, type: String, enum: ['2008', '2019'] }) regime!: '2008' | '2019' | null;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ nullable: true, type: String }) receivedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'working days from today to the due day (negative: working days overdue); null without a due day',
  })
  workingDaysLeft!: number | null;
  @ApiProperty({ nullable: true, enum: ['correction', 'consultation', 'fee'], description: 'why the clock stands still, if it does' })
  clockPausedFor!: 'correction' | 'consultation' | 'fee' | null;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty({ nullable: true, type: String }) assignee!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['natural_person', 'legal_person'] },
      name: { type: 'string' },
      idNumberMasked: { type: 'string', nullable: true },
    },
  })
  applicant!: { type: ApplicantType; name: string; idNumberMasked: string | null };
  @ApiProperty() description!: string;
  @ApiProperty() createdAt!: string;
}

export class ApplicationListDto {
  @ApiProperty({ type: [ApplicationListItemDto] }) items!: ApplicationListItemDto[];
  @ApiProperty({ description: `cases matching the filters, counted up to ${LIST_COUNT_CAP} (then totalCapped is true)` }) total!: number;
  @ApiProperty({ description: `true when more than ${LIST_COUNT_CAP} cases match: total is then a floor, not the count` })
  totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'give as `after` for the next page (sort createdAt or registrationNumber); null on the last page',
  })
  next!: string | null;
}

export class PendingConfirmationItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: 'the moment the submission arrived (ISO 8601)' }) arrivedAt!: string;
  @ApiProperty({ description: 'the day it arrived, Asia/Shanghai (YYYY-MM-DD)' }) arrivalDay!: string;
  @ApiProperty({
    description: 'still unconfirmed after the end of its arrival day: receipt confirmation is due on the day a submission arrives',
  })
  confirmationOverdue!: boolean;
  @ApiProperty({ nullable: true }) department!: string | null;
  @ApiProperty() applicant!: { type: ApplicantType; name: string; idNumberMasked: string | null };
  @ApiProperty() description!: string;
}

export class PendingConfirmationListDto {
  @ApiProperty({ type: [PendingConfirmationItemDto], description: 'oldest arrival first' }) items!: PendingConfirmationItemDto[];
  @ApiProperty({ description: 'how many of the items are overdue for confirmation' }) overdue!: number;
  @ApiProperty({ description: `true when more than ${PENDING_CONFIRMATION_CAP} submissions wait: only the oldest are listed` })
  truncated!: boolean;
}
