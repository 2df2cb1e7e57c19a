import { ApiProperty } from '@nestjs/swagger';
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
