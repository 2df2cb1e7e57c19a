import { applicantIdProblem } from '../../../libs/contracts/id-checks';
import { REGIME_2008_START } from '../../../libs/deadline/regime';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  APPLICANT_CATEGORIES,
  APPLICANT_TYPES,
  CHANNELS,
  type ApplicantCategory,
  type ApplicantType,
  type Channel,
  type RegistrationResult,
} from '../../../libs/contracts/application';
import { isLetterText } from '../../../libs/documents/notice.renderer';
import { isIsoDate, shanghaiDate } from '../../../libs/time/shanghai';

/**
 * A real calendar day written YYYY-MM-DD, not later than today (Asia/Shanghai) and not
 * before the 2008 Regulations came into force: no regime, calendar or deadline exists earlier.
 */
function IsPastOrTodayIsoDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastOrTodayIsoDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (v: unknown) => isIsoDate(v) && v <= shanghaiDate(Date.now()) && v >= REGIME_2008_START,
        defaultMessage: () =>
          `${propertyName} must be a date YYYY-MM-DD that is not in the future and not before ${REGIME_2008_START} (the 2008 Regulations came into force)`,
      },
    });
}

/** The annual report's columns: a legal person has a category, a natural person none. */
function CategoryFitsType() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'categoryFitsType',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown, args) => ((args?.object as ApplicantDto).type === 'natural_person' ? v === undefined : v !== undefined),
        defaultMessage: (args) =>
          (args?.object as ApplicantDto).type === 'natural_person'
            ? 'category is not allowed for a natural person'
            : 'category is required for a legal person',
      },
    });
}

/** An 18-character resident ID or credit code has a valid check character (libs/contracts/id-checks.ts). */
function IdNumberChecks() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'idNumberChecks',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown, args) => typeof v !== 'string' || applicantIdProblem((args?.object as ApplicantDto).type, v) === null,
        defaultMessage: (args) =>
          `${propertyName} ${applicantIdProblem((args?.object as ApplicantDto).type, String(args?.value)) ?? 'is not valid'}`,
      },
    });
}

/** Text a letter can print (libs/documents isLetterText): the receipt and every reply name it. */
function FillsLetters(what: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'fillsLetters',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => isLetterText(v),
        defaultMessage: () => `${propertyName} must not be blank: ${what}`,
      },
    });
}

export class ContactDto {
  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Length(3, 32)
  phone?: string;

  @ApiPropertyOptional({ example: 'zhang@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ example: '山东省临沂市兰山区北京路1号' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class ApplicantDto {
  @ApiProperty({ enum: APPLICANT_TYPES, example: 'natural_person' })
  @IsIn(APPLICANT_TYPES, { message: `type must be one of ${APPLICANT_TYPES.join(', ')}` })
  type!: ApplicantType;

  @ApiPropertyOptional({ enum: APPLICANT_CATEGORIES, description: 'required for a legal person; not allowed for a natural person' })
  @ValidateIf((o: ApplicantDto) => o.type === 'legal_person' || o.category !== undefined)
  @CategoryFitsType()
  @IsIn(APPLICANT_CATEGORIES, { message: `category must be one of ${APPLICANT_CATEGORIES.join(', ')}` })
  category?: ApplicantCategory;

  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 200)
  @FillsLetters('the registration receipt and every reply are addressed to the applicant by name')
  name!: string;

  @ApiPropertyOptional({
    example: '371302199001011233',
    description:
      'identity document number; masked in lists. An 18-character resident ID (natural person) or unified social credit code (legal person) must have a valid check character',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @IdNumberChecks()
  idNumber?: string;

  @ApiProperty({ type: ContactDto })
  @IsObject({ message: 'contact must be an object' })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

export class RequestDto {
  @ApiProperty({ example: '申请公开2025年临沂市某片区棚户区改造项目征收补偿方案' })
  @IsString()
  @Length(1, 10_000)
  @FillsLetters('the registration receipt and every reply name what was asked')
  description!: string;

  @ApiPropertyOptional({ example: '临政发〔2025〕1号' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  documentNumber?: string;

  @ApiPropertyOptional({ example: '纸质', description: 'requested form (纸质 / 电子)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  form?: string;

  @ApiPropertyOptional({ example: '邮寄', description: 'requested way of delivery' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  delivery?: string;
}

export class CreateApplicationDto {
  @ApiProperty({ enum: CHANNELS, example: 'in_person' })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiPropertyOptional({
    example: '2026-11-27',
    description:
      'receipt day (Art. 31). Defaults to today for in_person and post; for mail, online and fax the application waits for receipt confirmation unless given.',
  })
  @IsOptional()
  @IsPastOrTodayIsoDate()
  receivedOn?: string;

  @ApiProperty({ type: ApplicantDto })
  @IsObject({ message: 'applicant must be an object' })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiProperty({ type: RequestDto })
  @IsObject({ message: 'request must be an object' })
  @ValidateNested()
  @Type(() => RequestDto)
  request!: RequestDto;
}

export class RegistrationResponseDto implements RegistrationResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'LYZF-2026-00001' }) registrationNumber!: string;
  @ApiProperty({ enum: ['2008', '2019'], nullable: true, type: String }) regime!: '2008' | '2019' | null;
  @ApiProperty({ example: '2026-11-27', nullable: true, type: String }) receivedOn!: string | null;
  @ApiProperty({ example: '2026-12-25', nullable: true, type: String }) dueOn!: string | null;
  @ApiProperty({ example: 'registered' }) status!: RegistrationResult['status'];
}

export class ApplicationViewDto extends RegistrationResponseDto {
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() arrivedAt!: string;
  @ApiProperty() applicant!: {
    type: ApplicantType;
    category: ApplicantCategory | null;
    name: string;
    idNumberMasked: string | null;
    contact: ContactDto;
  };
  @ApiProperty() request!: { description: string; documentNumber: string | null; form: string | null; delivery: string | null };
  @ApiProperty({ nullable: true, type: String }) assignee!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'department code' }) department!: string | null;
  @ApiProperty({ nullable: true, enum: ['correction', 'consultation', 'fee'], description: 'why the clock stands still, if it does' })
  clockPausedFor!: 'correction' | 'consultation' | 'fee' | null;
  @ApiProperty({ nullable: true, type: Number, description: 'working days to the due day (negative: overdue)' })
  workingDaysLeft!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'the kind of the drafted reply' }) replyKind!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['replied', 'withdrawn', 'abandoned'] }) outcome!: string | null;
  @ApiProperty({ description: 'a letter of the case failed and waits to be re-issued by a supervisor' }) letterFailed!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class CaseStepDto {
  @ApiProperty({ example: 2 }) seq!: number;
  @ApiProperty({ example: 'triage' }) type!: string;
  @ApiProperty({ example: 'clerk' }) actor!: string;
  @ApiProperty({ example: 'clerk' }) actorRole!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ description: 'the step as recorded (its body and what it changed)', type: Object }) details!: Record<string, unknown>;
}
