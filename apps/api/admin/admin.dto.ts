import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../libs/contracts/roles';
import { IsAcceptablePassword, PASSWORD_MIN_LENGTH } from './password-policy';

export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;
const CODE_RULE = 'must be 2-32 characters: an upper-case letter A-Z, then A-Z, 0-9 or _';
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
const USERNAME_RULE = 'must be 3-32 characters: a lower-case letter a-z, then a-z, 0-9, ., _ or -';
/** Roles whose work is a department's: they cannot be created or left without one. */
export const DEPARTMENT_ROLES: readonly Role[] = ['clerk', 'reviewer', 'supervisor'];
export const ADMIN_ENTITY_TYPES = ['office', 'department', 'user'] as const;
export type AdminEntityType = (typeof ADMIN_ENTITY_TYPES)[number];

const notBlank = (field: string) => Matches(/\S/, { message: `${field} must not be blank` });
/** Present in a PATCH body: validated, and null is refused (the field cannot be cleared). */
const present = (field: string) => ValidateIf((o: Record<string, unknown>) => o[field] !== undefined);

// ---- offices ----

/** legal-rules.md section 7: an office is never named as the organ that reviews its own act. */
const notTheOfficeItself = () =>
  ValidateBy({
    name: 'notTheOfficeItself',
    validator: {
      validate: (value: unknown, args) => {
        const name = (args?.object as { name?: unknown }).name;
        return typeof value !== 'string' || typeof name !== 'string' || value.trim() !== name.trim();
      },
      defaultMessage: () =>
        'reconsiderationOrgan must not be the office itself: an office never reviews its own act (Reconsideration Law Art. 24)',
    },
  });

export class CreateOfficeDto {
  @ApiProperty({ example: 'LINYI', description: 'office code, unique; fixed once created' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code!: string;

  @ApiProperty({ example: '临沂市人民政府办公室' })
  @IsString()
  @Length(1, 200)
  @notBlank('name')
  name!: string;

  @ApiProperty({ example: 'LYZF', description: 'prefix of registration numbers (LYZF-2026-00001)' })
  @Matches(/^[A-Z]{2,8}$/, { message: 'registrationPrefix must be 2-8 upper-case letters A-Z' })
  registrationPrefix!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '临政公开',
    description: '文号 prefix of the letters; absent: the built-in default',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @notBlank('noticePrefix')
  noticePrefix?: string | null;

  @ApiProperty({ example: '临沂市人民政府', description: 'the body that hears 行政复议 against the office: every reply letter names it' })
  @IsString({ message: 'reconsiderationOrgan must be a string: every reply letter names the organ that hears a reconsideration' })
  @Length(1, 200)
  @notBlank('reconsiderationOrgan')
  @notTheOfficeItself()
  reconsiderationOrgan!: string;

  @ApiProperty({
    example: '山东省临沂市兰山区北京路1号',
    description: "the office's postal address: every letter's contact block gives it",
  })
  @IsString({ message: 'address must be a string: every letter gives the office address' })
  @Length(1, 500)
  @notBlank('address')
  address!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '276000' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'postcode must be 6 digits' })
  postcode?: string | null;

  @ApiProperty({ example: '0539-8721234', description: "the office's phone: every letter's contact block gives it" })
  @IsString({ message: 'phone must be a string: every letter gives the office phone' })
  @Length(3, 32)
  @Matches(/^[0-9+()\- ]+$/, { message: 'phone must hold only digits, spaces and + ( ) -' })
  phone!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '王科长' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @notBlank('contactPerson')
  contactPerson?: string | null;

  @ApiProperty({
    example: '临沂市兰山区人民法院',
    description: 'the court that hears a suit against the office: every reply letter names it',
  })
  @IsString({ message: 'court must be a string: every reply letter names the court that hears a suit' })
  @Length(1, 200)
  @notBlank('court')
  court!: string;
}

/** Every field but the code; an optional text set to null is cleared. */
export class UpdateOfficeDto {
  @ApiPropertyOptional({ example: '临沂市人民政府办公室' })
  @present('name')
  @IsString()
  @Length(1, 200)
  @notBlank('name')
  name?: string;

  @ApiPropertyOptional({ example: 'LYZF', description: 'new registration numbers use it; issued numbers stay as they are' })
  @present('registrationPrefix')
  @Matches(/^[A-Z]{2,8}$/, { message: 'registrationPrefix must be 2-8 upper-case letters A-Z' })
  registrationPrefix?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '临政公开' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @notBlank('noticePrefix')
  noticePrefix?: string | null;

  @ApiPropertyOptional({ example: '临沂市人民政府', description: 'can be changed, not cleared: every reply letter names it' })
  @present('reconsiderationOrgan')
  @IsString({ message: 'reconsiderationOrgan must be a string (it cannot be cleared: every reply letter names it)' })
  @Length(1, 200)
  @notBlank('reconsiderationOrgan')
  reconsiderationOrgan?: string;

  @ApiPropertyOptional({ example: '山东省临沂市兰山区北京路1号', description: 'can be changed, not cleared: every letter gives it' })
  @present('address')
  @IsString({ message: 'address must be a string (it cannot be cleared: every letter gives it)' })
  @Length(1, 500)
  @notBlank('address')
  address?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '276000' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'postcode must be 6 digits' })
  postcode?: string | null;

  @ApiPropertyOptional({ example: '0539-8721234', description: 'can be changed, not cleared: every letter gives it' })
  @present('phone')
  @IsString({ message: 'phone must be a string (it cannot be cleared: every letter gives it)' })
  @Length(3, 32)
  @Matches(/^[0-9+()\- ]+$/, { message: 'phone must hold only digits, spaces and + ( ) -' })
  phone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '王科长' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @notBlank('contactPerson')
  contactPerson?: string | null;

  @ApiPropertyOptional({ example: '临沂市兰山区人民法院', description: 'can be changed, not cleared: every reply letter names it' })
  @present('court')
  @IsString({ message: 'court must be a string (it cannot be cleared: every reply letter names it)' })
  @Length(1, 200)
  @notBlank('court')
  court?: string;
}

export class OfficeDto {
  @ApiProperty({ example: 'LINYI' }) code!: string;
  @ApiProperty({ example: '临沂市人民政府办公室' }) name!: string;
  @ApiProperty({ example: 'LYZF' }) registrationPrefix!: string;
  @ApiProperty({ example: '临政公开', nullable: true, type: String }) noticePrefix!: string | null;
  @ApiProperty({ example: '临沂市人民政府', nullable: true, type: String }) reconsiderationOrgan!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) postcode!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPerson!: string | null;
  @ApiProperty({ nullable: true, type: String }) court!: string | null;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) createdAt!: string;
}

export class OfficeListDto {
  @ApiProperty({ type: [OfficeDto] }) items!: OfficeDto[];
}

// ---- departments ----

export class CreateDepartmentDto {
  @ApiProperty({ example: 'NRB', description: 'unique within the office; fixed once created' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code!: string;

  @ApiProperty({ example: '市自然资源和规划局' })
  @IsString()
  @Length(1, 200)
  @notBlank('name')
  name!: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ example: '市自然资源和规划局' })
  @present('name')
  @IsString()
  @Length(1, 200)
  @notBlank('name')
  name?: string;
}

export class DepartmentDto {
  @ApiProperty({ example: 'LINYI' }) officeCode!: string;
  @ApiProperty({ example: 'NRB' }) code!: string;
  @ApiProperty({ example: '市自然资源和规划局' }) name!: string;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) createdAt!: string;
}

export class DepartmentListDto {
  @ApiProperty({ type: [DepartmentDto] }) items!: DepartmentDto[];
}

// ---- users ----

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.san', description: 'login name, unique; fixed once created' })
  @Matches(USERNAME_PATTERN, { message: `username ${USERNAME_RULE}` })
  username!: string;

  @ApiProperty({ example: '张三（承办人）' })
  @IsString()
  @Length(1, 100)
  @notBlank('displayName')
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'clerk' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ example: 'LINYI' })
  @IsString()
  @Length(1, 64)
  officeCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'OGI', description: `required for ${DEPARTMENT_ROLES.join(', ')}` })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  departmentCode?: string | null;

  @ApiPropertyOptional({ example: 'zhang.san@example.gov.cn', description: 'where reminders and escalations are e-mailed' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiProperty({ example: 'Zhang-2026-pass', description: `at least ${PASSWORD_MIN_LENGTH} characters with a letter and a digit` })
  @IsAcceptablePassword('username')
  password!: string;
}

/** The office and username are fixed; departmentCode null removes the department (auditors and admins only). */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张三（承办人）' })
  @present('displayName')
  @IsString()
  @Length(1, 100)
  @notBlank('displayName')
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'reviewer' })
  @present('role')
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ example: 'OGI', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  departmentCode?: string | null;

  @ApiPropertyOptional({ example: 'zhang.san@example.gov.cn', nullable: true, type: String, description: 'null removes it' })
  @ValidateIf((o: UpdateUserDto) => o.email !== undefined && o.email !== null)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @ApiPropertyOptional({ example: false, description: 'false: the user can no longer log in and their tokens stop working' })
  @present('active')
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'New-pass-2026', description: `at least ${PASSWORD_MIN_LENGTH} characters with a letter and a digit` })
  @IsAcceptablePassword()
  password!: string;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ example: 'LINYI', description: 'office code' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  office?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active must be true or false' })
  active?: 'true' | 'false';
}

export class UserDto {
  @ApiProperty({ example: 'zhang.san' }) username!: string;
  @ApiProperty({ example: '张三（承办人）' }) displayName!: string;
  @ApiProperty({ enum: ROLES, example: 'clerk' }) role!: Role;
  @ApiProperty({ example: 'LINYI' }) officeCode!: string;
  @ApiProperty({ example: 'OGI', nullable: true, type: String }) departmentCode!: string | null;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: 'zhang.san@example.gov.cn', nullable: true, type: String, description: 'reminders and escalations by e-mail' })
  email!: string | null;
  @ApiProperty({
    example: 3,
    description: 'open cases assigned to the user: a deactivated user still holding some leaves them for a supervisor to reassign',
  })
  openCases!: number;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) createdAt!: string;
}

export class HeldCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'LYZF-2026-00012' }) registrationNumber!: string;
  @ApiProperty({ example: 'searching' }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-18' }) dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OGI' }) departmentCode!: string | null;
}

export class HeldCasesDto {
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'how many open cases the user holds as assignee' }) count!: number;
  @ApiProperty({ type: [HeldCaseDto], description: 'the first 500, most urgent first' }) items!: HeldCaseDto[];
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
}

// ---- the administration log ----

export class AdminAuditQueryDto {
  @ApiPropertyOptional({ enum: ADMIN_ENTITY_TYPES })
  @IsOptional()
  @IsIn(ADMIN_ENTITY_TYPES, { message: `entityType must be one of ${ADMIN_ENTITY_TYPES.join(', ')}` })
  entityType?: AdminEntityType;

  @ApiPropertyOptional({ example: 'LINYI/OGI', description: 'office code, office/department code, or username' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityKey?: string;

  @ApiPropertyOptional({ example: 'admin', description: 'username of the administrator who wrote' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(100_000, { message: 'page must not be greater than 100000' })
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be an integer' })
  @Min(1, { message: 'pageSize must be at least 1' })
  @Max(200, { message: 'pageSize must not be greater than 200' })
  pageSize?: number;
}

export class AdminAuditEntryDto {
  @ApiProperty({ example: '17' }) id!: string;
  @ApiProperty({ example: '2026-01-05T08:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: 'admin' }) actor!: string;
  @ApiProperty({ example: 'admin' }) actorRole!: string;
  @ApiProperty({ example: 'user.update', description: '<entity>.create, <entity>.update or user.password-reset' })
  action!: string;
  @ApiProperty({ enum: ADMIN_ENTITY_TYPES }) entityType!: AdminEntityType;
  @ApiProperty({ example: 'zhang.san' }) entityKey!: string;
  @ApiProperty({ nullable: true, type: Object, description: 'the entity before the write (null for a create)' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object, description: 'the entity after the write; never a password or its hash' })
  after!: Record<string, unknown> | null;
}

export class AdminAuditListDto {
  @ApiProperty({ type: [AdminAuditEntryDto] }) items!: AdminAuditEntryDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 50 }) pageSize!: number;
}
