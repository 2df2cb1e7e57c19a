import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ApplicantDto, RequestDto } from '../applications/application.dto';

/** The clerk's intake body without receivedOn: an online application waits for the office to confirm receipt (Art. 31(3)). */
export class PublicApplicationDto {
  @ApiPropertyOptional({ enum: ['online'], description: 'always online; may be left out' })
  @IsOptional()
  @IsIn(['online'], { message: 'channel must be online (the public portal takes online applications only)' })
  channel?: 'online';

  @ApiProperty({ type: ApplicantDto, description: 'contact.phone is required: it is asked for again when tracking' })
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

export class PublicSubmissionDto {
  @ApiProperty({ example: 'K7QM2XR9TBW4HC8N', description: 'keep it: with the phone number it finds the application; shown once' })
  queryCode!: string;
  @ApiProperty({ enum: ['awaiting_confirmation'] }) status!: 'awaiting_confirmation';
  @ApiProperty({ example: '2026-12-03T06:30:00.000Z' }) submittedAt!: string;
}

export class ChallengeDto {
  @ApiProperty({ enum: ['sha256-leading-zero-bits'] }) algorithm!: 'sha256-leading-zero-bits';
  @ApiProperty({ description: 'send back as X-Challenge' }) token!: string;
  @ApiProperty({ example: 16, description: 'SHA-256(`${token}:${nonce}`) must start with this many zero bits' }) bits!: number;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'whether POST /api/public/applications needs a solved challenge' }) required!: boolean;
}

export class PublicLetterDto {
  @ApiProperty() number!: string;
  @ApiProperty({ example: '政府信息公开申请答复书' }) title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'download links valid for an hour: {html, docx, pdf}' }) downloads!: {
    html: string;
    docx: string;
    pdf: string;
  };
}

export class TrackingDto {
  @ApiProperty({ example: 'awaiting_confirmation' }) status!: string;
  @ApiProperty({ example: '待确认收到' }) statusText!: string;
  @ApiProperty({ example: '138****0000' }) phone!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, description: 'once the office has confirmed receipt' }) registrationNumber!: string | null;
  @ApiProperty({ nullable: true }) receivedOn!: string | null;
  @ApiProperty({ nullable: true }) dueOn!: string | null;
  @ApiProperty() extended!: boolean;
  @ApiProperty({ nullable: true, enum: ['correction', 'consultation', 'fee'] }) pausedFor!: string | null;
  @ApiProperty({ example: '答复期限为2026年12月31日。', description: 'the due day, extension and pause in words' })
  deadlineText!: string;
  @ApiProperty({ type: [PublicLetterDto] }) letters!: PublicLetterDto[];
}
