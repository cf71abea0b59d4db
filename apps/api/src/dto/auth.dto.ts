import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DEMO_USERNAMES } from '../../../../libs/persistence/src/seed/demo-data';
import { MeDto, RoleGrantDto } from './responses.dto';

export class DevLoginDto {
  @ApiProperty({ enum: DEMO_USERNAMES })
  @IsIn(DEMO_USERNAMES)
  username: string;
}

export class SessionMethodsDto {
  @ApiProperty({ description: 'demo users may sign in (not in production)' }) dev: boolean;
  @ApiProperty({ description: "the owner's OIDC provider is configured" }) oidc: boolean;
}

export class SessionDto {
  @ApiProperty() signedIn: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'send it as X-CSRF-Token on every POST, PUT and DELETE' }) csrfToken:
    string | null;
  @ApiProperty({ nullable: true, type: MeDto }) me: MeDto | null;
  @ApiProperty({ type: SessionMethodsDto }) methods: SessionMethodsDto;
}

export class DevUserDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [RoleGrantDto] }) roles: RoleGrantDto[];
  @ApiProperty({ type: [String] }) unitNames: string[];
}

export class LogoutDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'where to send the browser to end the session at the OIDC provider too; null when there is nothing to end',
  })
  endSessionUrl: string | null;
}
