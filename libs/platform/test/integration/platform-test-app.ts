// A tiny service built on PlatformModule, just enough to exercise the chassis end to end: one entity
// and migration, a protected controller, role checks, validation and a domain error.
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { testKafkaBrokers, testNamespace, testRedisUrl } from '@loop/testing';
import {
  AuthenticatedUser,
  CurrentUser,
  DomainError,
  PlatformConfig,
  PlatformModule,
  Public,
  Roles,
} from '../../src';

@Entity('probe_notes')
export class ProbeNoteOrmEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  text!: string;
}

export class CreateProbeNotes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE probe_notes (id uuid PRIMARY KEY, text text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE probe_notes');
  }
}

class LocationDto {
  @IsString()
  building!: string;
}

export class SubmitTicketRequestDto {
  @IsString()
  @MaxLength(20)
  title!: string;

  @IsInt()
  @Min(1)
  @Max(3)
  urgency!: number;

  @ValidateNested()
  @Type(() => LocationDto)
  location!: LocationDto;
}

/** Holds a request open until the test lets it finish, to observe graceful shutdown. */
export class RequestGate {
  private markEntered!: () => void;
  private markReleased!: () => void;
  /** Resolves when a request has entered the gated handler. */
  entered = new Promise<void>((resolve) => (this.markEntered = resolve));
  private released = new Promise<void>((resolve) => (this.markReleased = resolve));

  async pass(): Promise<void> {
    this.markEntered();
    await this.released;
  }

  release(): void {
    this.markReleased();
  }
}

export const slowReportGate = { current: new RequestGate() };

class TicketAlreadyClosedError extends DomainError {
  readonly code = 'ticket.already-closed';
  readonly problemType = 'conflict';
}

@Controller('tickets')
export class TicketsHttpController {
  @Get('mine')
  mine(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  @Post()
  @Roles('resident', 'grid_worker')
  submit(@Body() request: SubmitTicketRequestDto): { title: string } {
    return { title: request.title };
  }

  @Post('t-1/reopen')
  @Roles('resident')
  reopen(): never {
    throw new TicketAlreadyClosedError('ticket t-1 is closed for good', {
      'zh-CN': '该工单已归档，不能再重新打开',
      en: 'This ticket is archived and cannot be reopened',
    });
  }

  @Public()
  @Get('reports/slow')
  async slowReport(): Promise<{ rows: number }> {
    await slowReportGate.current.pass();
    return { rows: 19 };
  }

  @Public()
  @Get('categories/:code')
  category(): { code: string } {
    return { code: 'lighting' };
  }
}

@Module({
  imports: [
    PlatformModule.forRoot({
      config: PlatformConfig,
      database: { entities: [ProbeNoteOrmEntity], migrations: [CreateProbeNotes1700000000000] },
    }),
  ],
  controllers: [TicketsHttpController],
})
export class PlatformTestAppModule {}

/** The environment of a probe app on the suite's database, issuer and a namespace of its own. */
export function probeEnvironment(
  name: string,
  databaseUrl: string,
  jwksUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const namespace = testNamespace(name);
  return {
    NODE_ENV: 'test',
    PORT: '3999',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: namespace.redisKeyPrefix,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_CLIENT_ID: namespace.clientId,
    KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
    AUTH_DEV_ISSUER: 'true',
    AUTH_JWKS_URL: jwksUrl,
    ...extra,
  };
}
