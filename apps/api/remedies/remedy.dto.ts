import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, registerDecorator } from 'class-validator';
import { isIsoDate, shanghaiDate } from '../../../libs/time/shanghai';

export const REMEDY_KINDS = ['reconsideration', 'litigation'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
/** How a litigation reached the court: directly (未经复议直接起诉) or after reconsideration (复议后起诉). */
export const LITIGATION_ROUTES = ['direct', 'after-reconsideration'] as const;
export type LitigationRoute = (typeof LITIGATION_ROUTES)[number];
/** 结果维持 / 结果纠正 / 其他结果; no outcome yet is 尚未审结. */
export const REMEDY_OUTCOMES = ['upheld', 'corrected', 'other'] as const;
export type RemedyOutcome = (typeof REMEDY_OUTCOMES)[number];

/** A real day YYYY-MM-DD, not later than today in China; `absent` lets undefined (and null) through. */
function IsPastOrTodayDay(absent: 'required' | 'optional' | 'nullable' = 'required') {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastOrTodayDay',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) =>
          (absent !== 'required' && v === undefined) ||
          (absent === 'nullable' && v === null) ||
          (isIsoDate(v) && v <= shanghaiDate(Date.now())),
        defaultMessage: () => `${propertyName} must be a date YYYY-MM-DD that is not in the future`,
      },
    });
}

/** One of REMEDY_OUTCOMES; undefined passes (and null when `nullable`: back to pending). */
function IsOutcome(nullable: boolean) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isOutcome',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => v === undefined || (nullable && v === null) || (REMEDY_OUTCOMES as readonly unknown[]).includes(v),
        defaultMessage: () => `${propertyName} must be one of ${REMEDY_OUTCOMES.join(', ')}${nullable ? ', or null (pending)' : ''}`,
      },
    });
}

/** A route only for a litigation, and then one of LITIGATION_ROUTES. */
function RouteFitsKind() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'routeFitsKind',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown, args) =>
          (args?.object as CreateRemedyDto).kind === 'litigation' ? (LITIGATION_ROUTES as readonly unknown[]).includes(v) : v === undefined,
        defaultMessage: (args) => {
          if ((args?.object as CreateRemedyDto).kind !== 'litigation') return `${propertyName} is only for a litigation`;
          return args?.value === undefined
            ? `${propertyName} is required for a litigation: ${LITIGATION_ROUTES.join(' or ')}`
            : `${propertyName} must be one of ${LITIGATION_ROUTES.join(', ')}`;
        },
      },
    });
}

/** Given only together with `other` (checked on the side that is given; null counts as not given). */
function GivenWith(other: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'givenWith',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown, args) => {
          const o = args?.object as Record<string, unknown>;
          return v === undefined || v === null || (o[other] !== undefined && o[other] !== null);
        },
        defaultMessage: () => `${propertyName} must be given together with ${other}`,
      },
    });
}

/** POST /api/applications/{id}/remedies */
export class CreateRemedyDto {
  @ApiProperty({ enum: REMEDY_KINDS, example: 'reconsideration', description: 'reconsideration: 行政复议; litigation: 行政诉讼' })
  @IsIn(REMEDY_KINDS, { message: `kind must be one of ${REMEDY_KINDS.join(', ')}` })
  kind!: RemedyKind;

  @ApiPropertyOptional({
    enum: LITIGATION_ROUTES,
    description: 'litigation only: direct (未经复议直接起诉) or after-reconsideration (复议后起诉, needs a reconsideration of the case)',
  })
  @RouteFitsKind()
  route?: LitigationRoute;

  @ApiProperty({ example: '2026-03-10', description: 'day the reconsideration was applied for or the suit filed; not before receipt' })
  @IsPastOrTodayDay()
  filedOn!: string;

  @ApiProperty({ example: '临沂市人民政府', description: 'the reconsideration organ (复议机关) or the court (法院)' })
  @IsString()
  @Length(1, 200)
  organ!: string;

  @ApiPropertyOptional({ example: '临政复〔2026〕12号', description: 'the organ’s or court’s case number' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseNumber?: string;

  @ApiPropertyOptional({ enum: REMEDY_OUTCOMES, description: 'when already decided: upheld 维持, corrected 纠正, other 其他结果' })
  @GivenWith('outcomeOn')
  @IsOutcome(false)
  outcome?: RemedyOutcome;

  @ApiPropertyOptional({ example: '2026-05-20', description: 'day of the decision or judgment; with outcome; not before filedOn' })
  @GivenWith('outcome')
  @IsPastOrTodayDay('optional')
  outcomeOn?: string;

  @ApiPropertyOptional({ example: '申请人认为答复理由不充分' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

/**
 * PATCH /api/remedies/{remedyId}: record (or, as a supervisor, correct) the outcome; set the
 * case number or note. `outcome: null` (with no outcomeOn) puts a decided remedy back to pending.
 */
export class UpdateRemedyDto {
  @ApiPropertyOptional({ enum: REMEDY_OUTCOMES, nullable: true, example: 'upheld' })
  @GivenWith('outcomeOn')
  @IsOutcome(true)
  outcome?: RemedyOutcome | null;

  @ApiPropertyOptional({ example: '2026-05-20', nullable: true, type: String, description: 'with outcome; not before filedOn' })
  @GivenWith('outcome')
  @IsPastOrTodayDay('nullable')
  outcomeOn?: string | null;

  @ApiPropertyOptional({ example: '(2026)鲁1302行初45号' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class RemedyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: REMEDY_KINDS }) kind!: RemedyKind;
  @ApiProperty({ enum: LITIGATION_ROUTES, nullable: true }) route!: LitigationRoute | null;
  @ApiProperty({ example: '2026-03-10' }) filedOn!: string;
  @ApiProperty({ example: '临沂市人民政府' }) organ!: string;
  @ApiProperty({ nullable: true, type: String }) caseNumber!: string | null;
  @ApiProperty({ enum: REMEDY_OUTCOMES, nullable: true, description: 'null: pending (尚未审结)' }) outcome!: RemedyOutcome | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-20' }) outcomeOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class RemedyListItemDto extends RemedyDto {
  @ApiProperty({ example: 'LYZF-2026-00012' }) registrationNumber!: string;
}

/** GET /api/remedies */
export class RemedyListDto {
  @ApiProperty({ type: [RemedyListItemDto] }) items!: RemedyListItemDto[];
  @ApiProperty({ description: 'more than the 500 listed match' }) truncated!: boolean;
}
