import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule } from '../config/config.module';
import type { ConfigSchema } from '../config/describe-config';
import { PlatformConfig } from '../config/platform.config';
import { resolveAuthSettings } from './auth-settings';
import { AuthenticationGuard } from './authentication.guard';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

/** JWT authentication and role checks, applied to every HTTP route of the app. */
@Module({})
export class AuthModule {
  /** Registers the token verifier and the global authentication and roles guards (in that order). */
  static forRoot<T extends PlatformConfig>(schemaClass: ConfigSchema<T>): DynamicModule {
    return {
      module: AuthModule,
      imports: [ConfigModule.forRoot(schemaClass)],
      providers: [
        {
          provide: TokenVerifier,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => new TokenVerifier(resolveAuthSettings(config)),
        },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
