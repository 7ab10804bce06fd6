import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { PostgresHealthIndicator } from './postgres.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

/** Kubernetes probes: liveness says the process serves HTTP, readiness that its dependencies answer. */
@Public()
@ApiExcludeController()
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(PostgresHealthIndicator) private readonly postgres: PostgresHealthIndicator,
    @Inject(RedisHealthIndicator) private readonly redis: RedisHealthIndicator,
    @Inject(KafkaHealthIndicator) private readonly kafka: KafkaHealthIndicator,
  ) {}

  /** 200 while the process can answer; checks no dependency, so an outage elsewhere never restarts pods. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** 200 when PostgreSQL, Redis and Kafka all answer, 503 (with the failing ones named) otherwise. */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.check('postgres'),
        () => this.redis.check('redis'),
        () => this.kafka.check('kafka'),
      ]);
    } catch (error) {
      // Terminus reports "down" as a 503 exception; the report is returned as-is rather than turned
      // into problem+json, because probes and dashboards read Terminus's shape.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
