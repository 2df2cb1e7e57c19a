import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import {
  AdminAuditListDto,
  AdminAuditQueryDto,
  CreateDepartmentDto,
  CreateOfficeDto,
  CreateUserDto,
  DepartmentDto,
  DepartmentListDto,
  ListUsersQueryDto,
  OfficeDto,
  OfficeListDto,
  ResetPasswordDto,
  UpdateDepartmentDto,
  UpdateOfficeDto,
  UpdateUserDto,
  UserDto,
  UserListDto,
  HeldCasesDto,
} from './admin.dto';
import { OfficesService } from './offices.service';
import { UsersService } from './users.service';

const BAD = 'a field is missing, unknown or breaks a rule; the message names it';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'only administrators' })
@Controller('api/admin/offices')
export class AdminOfficesController {
  constructor(@Inject(OfficesService) private readonly offices: OfficesService) {}

  @Get()
  @ApiOkResponse({ type: OfficeListDto, description: 'every office, by code' })
  list(): Promise<OfficeListDto> {
    return this.offices.list();
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OfficeDto })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: 'code: the office already exists' })
  create(@Body() body: CreateOfficeDto, @CurrentUser() user: AuthUser): Promise<OfficeDto> {
    return this.offices.create(body, user);
  }

  @Patch(':code')
  @ApiOkResponse({ type: OfficeDto, description: 'the office as changed; an optional text set to null is cleared' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'unknown office' })
  update(@Param('code') code: string, @Body() body: UpdateOfficeDto, @CurrentUser() user: AuthUser): Promise<OfficeDto> {
    return this.offices.update(code, body, user);
  }

  @Get(':code/departments')
  @ApiOkResponse({ type: DepartmentListDto })
  @ApiNotFoundResponse({ description: 'unknown office' })
  departments(@Param('code') code: string): Promise<DepartmentListDto> {
    return this.offices.departments(code);
  }

  @Post(':code/departments')
  @HttpCode(201)
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'unknown office' })
  @ApiConflictResponse({ description: 'code: the department already exists in the office' })
  createDepartment(@Param('code') code: string, @Body() body: CreateDepartmentDto, @CurrentUser() user: AuthUser): Promise<DepartmentDto> {
    return this.offices.createDepartment(code, body, user);
  }

  @Patch(':code/departments/:dept')
  @ApiOkResponse({ type: DepartmentDto })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'unknown office or department' })
  updateDepartment(
    @Param('code') code: string,
    @Param('dept') dept: string,
    @Body() body: UpdateDepartmentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DepartmentDto> {
    return this.offices.updateDepartment(code, dept, body, user);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'only administrators' })
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserListDto, description: 'users by username, filtered; never a password or its hash' })
  @ApiBadRequestResponse({ description: BAD })
  list(@Query() query: ListUsersQueryDto): Promise<UserListDto> {
    return this.users.list(query);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ description: `${BAD} (including an unknown office or department and the password policy)` })
  @ApiConflictResponse({ description: 'username: the user already exists' })
  create(@Body() body: CreateUserDto, @CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.create(body, user);
  }

  @Patch(':username')
  @ApiOkResponse({ type: UserDto, description: 'the user as changed; active=false ends their logins and tokens' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'unknown user' })
  @ApiConflictResponse({ description: 'an administrator cannot deactivate themselves or remove their own admin role' })
  update(@Param('username') username: string, @Body() body: UpdateUserDto, @CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.update(username, body, user);
  }

  @Get(':username/open-cases')
  @ApiOkResponse({
    type: HeldCasesDto,
    description:
      'the open cases the user holds as assignee: deactivating them leaves these for a supervisor to reassign (the board lists them)',
  })
  @ApiNotFoundResponse({ description: 'unknown user' })
  openCases(@Param('username') username: string): Promise<HeldCasesDto> {
    return this.users.openCases(username);
  }

  @Post(':username/password')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: 'the password is replaced; tokens issued before stop working' })
  @ApiBadRequestResponse({ description: 'the password breaks the policy; the message names each rule' })
  @ApiNotFoundResponse({ description: 'unknown user' })
  resetPassword(@Param('username') username: string, @Body() body: ResetPasswordDto, @CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.resetPassword(username, body, user);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: AdminAuditListDto, description: "administrators' writes to offices, departments and users, newest first" })
  @ApiBadRequestResponse({ description: BAD })
  @ApiForbiddenResponse({ description: 'only administrators and auditors' })
  list(@Query() query: AdminAuditQueryDto): Promise<AdminAuditListDto> {
    return this.users.audit(query);
  }
}
