import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../libs/contracts/roles';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'clerk' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'demo-Passw0rd' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <token>`' })
  accessToken!: string;
  @ApiProperty({ example: 'clerk' })
  role!: string;
  @ApiProperty({ example: 28800 })
  expiresIn!: number;
}

export class SessionUserDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'clerk' }) username!: string;
  @ApiProperty({ example: '王承办' }) displayName!: string;
  @ApiProperty({ enum: ROLES, example: 'clerk' }) role!: Role;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['clerk'] }) roles!: Role[];
  @ApiProperty() officeId!: string;
  @ApiProperty({ example: 'LINYI' }) officeCode!: string;
  @ApiProperty({ example: '临沂市人民政府办公室' }) officeName!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OGI' }) departmentCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '政务公开办' }) departmentName!: string | null;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'send as X-CSRF-Token with every write made with the session cookie; null for a bearer-token caller',
  })
  csrfToken!: string | null;
}
