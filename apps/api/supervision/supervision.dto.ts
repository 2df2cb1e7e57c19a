import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

/** At most this many cases in one bulk action: a supervisor's selection on one page of the board. */
export const BULK_MAX = 100;

export class ReassignDto {
  @ApiProperty({ type: [String], description: `the cases to reassign (1-${BULK_MAX}, each once)` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds!: string[];

  @ApiProperty({ description: 'username of an active clerk of the office with a department', example: 'clerk2' })
  @IsString()
  @Length(1, 100)
  assignee!: string;
}

export class ReassignResultDto {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ description: 'true when the case is now assigned to the assignee' }) ok!: boolean;
  @ApiPropertyOptional({ description: 'the case status after the step' }) status?: string;
  @ApiPropertyOptional({ description: 'HTTP status of the refusal (e.g. 404 outside scope, 409 wrong state)' }) httpStatus?: number;
  @ApiPropertyOptional({ description: 'why this case was not reassigned (English)' }) message?: string;
}

export class ReassignResponseDto {
  @ApiProperty() assignee!: string;
  @ApiProperty({ description: 'how many cases were reassigned' }) reassigned!: number;
  @ApiProperty({ description: 'how many were refused (each says why)' }) refused!: number;
  @ApiProperty({ type: [ReassignResultDto] }) results!: ReassignResultDto[];
}

export class RemindDto {
  @ApiProperty({ type: [String], description: `the cases whose handlers to remind (1-${BULK_MAX}, each once)` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds!: string[];

  @ApiPropertyOptional({ description: 'a word from the supervisor, shown with the reminder (Chinese)', example: '请于本周内办结' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class RemindResultDto {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ description: 'true when a reminder was written (or had been, for a retried key)' }) ok!: boolean;
  @ApiPropertyOptional({ description: 'who receives it: the assignee, or the clerks of the department when unassigned' })
  recipient?: string;
  @ApiPropertyOptional() httpStatus?: number;
  @ApiPropertyOptional() message?: string;
}

export class RemindResponseDto {
  @ApiProperty() sent!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: [RemindResultDto] }) results!: RemindResultDto[];
}

/** GET /api/supervision/clerks */
export class ClerkLoadDto {
  @ApiProperty({ example: 'clerk' }) username!: string;
  @ApiProperty({ example: '王办事员' }) displayName!: string;
  @ApiProperty({
    nullable: true,
    example: 'OGI',
    type: String,
    description: 'department code; null: no department (cannot be given cases)',
  })
  department!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '政务公开办' }) departmentName!: string | null;
  @ApiProperty({ description: 'open cases assigned to this clerk' }) openCases!: number;
}
