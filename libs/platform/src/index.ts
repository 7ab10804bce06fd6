// The public API of @loop/platform. Modules inside the library import each other by path, never
// through this file.

// config
export {
  PlatformConfig,
  NODE_ENVIRONMENTS,
  LOG_LEVELS,
  KAFKA_SASL_MECHANISMS,
} from './config/platform.config';
export type { NodeEnvironment, LogLevel, KafkaSaslMechanism } from './config/platform.config';
export { loadConfig } from './config/load-config';
export type { Environment } from './config/load-config';
export { ConfigError } from './config/config-error';
export type { ConfigIssue } from './config/config-error';
export { describeConfig, configVariableNames } from './config/describe-config';
export type { ConfigSchema, ConfigVariable } from './config/describe-config';
export { ConfigModule, APP_CONFIG } from './config/config.module';
export { bootContext } from './config/boot-context';
export type { BootContext } from './config/boot-context';
export { kafkaSecurity, KafkaSecurityError } from './config/kafka-security';
export type { KafkaSecurity, KafkaSecuritySettings } from './config/kafka-security';
export {
  ToInteger,
  ToBoolean,
  ToList,
  IsIntegerBetween,
  IsPort,
  IsBooleanFlag,
  IsOneOf,
  IsUrlWithScheme,
  IsPostgresUrl,
  IsRedisUrl,
  IsHttpUrl,
  IsHostPortList,
  IsNonBlank,
  IsText,
} from './config/env-decorators';

// logging
export { correlationContext } from './logging/correlation-context';
export type { CorrelationIds } from './logging/correlation-context';
export {
  correlationMiddleware,
  acceptedCorrelationId,
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
} from './logging/correlation.middleware';
export { correlationMixin, loggerParams } from './logging/logger-params';
export { LoggingModule } from './logging/logging.module';

// health
export { HealthModule } from './health/health.module';
export { HealthHttpController } from './health/health.http-controller';
export { withTimeout } from './health/with-timeout';
export { PostgresHealthIndicator } from './health/postgres.health-indicator';
export { RedisHealthIndicator } from './health/redis.health-indicator';
export { KafkaHealthIndicator } from './health/kafka.health-indicator';

// metrics
export { MetricsModule, MetricsHttpController } from './metrics/metrics.module';
export {
  counterMetric,
  histogramMetric,
  gaugeMetric,
  ensureDefaultMetrics,
  labelMetricsWithService,
} from './metrics/metric-registry';
export { httpRequestDuration, httpMetricsMiddleware, HTTP_REQUEST_DURATION } from './metrics/http-metrics';
export { kafkaConsumerMetrics } from './metrics/kafka-consumer-metrics';
export type { KafkaConsumerMetrics, KafkaHandlingOutcome } from './metrics/kafka-consumer-metrics';

// errors
export { DomainError, DOMAIN_PROBLEM_STATUS } from './errors/domain-error';
export type { DomainProblemType } from './errors/domain-error';
export { ProblemException } from './errors/problem.exception';
export { ValidationFailedException } from './errors/validation-failed.exception';
export type { FieldViolation } from './errors/validation-failed.exception';
export { translateViolations } from './errors/field-messages';
export type { FieldError } from './errors/field-messages';
export { dependencyFailureOf, logBackgroundFailure, retryAfterSeconds } from './errors/dependency-failure';
export type { DependencyFailure } from './errors/dependency-failure';
export { toProblem, PROBLEM_TYPE_PREFIX } from './errors/problem-details.mapper';
export type { ProblemDetails, ProblemResponse, ProblemContext } from './errors/problem-details.mapper';
export { ProblemDetailsFilter, PROBLEM_JSON } from './errors/problem-details.filter';
export { createValidationPipe, CONTROL_CHARACTER_VIOLATION } from './errors/validation.pipe';
export { hasForbiddenControlCharacter, fieldWithControlCharacter } from './validation/control-characters';
export { MAX_JSON_DEPTH, nestsDeeperThan } from './validation/json-depth';
export { ParseAccountIdPipe } from './validation/path-param.pipes';
export { preferredLanguage, LANGUAGES, DEFAULT_LANGUAGE } from './errors/language';
export type { Language, LocalizedText } from './errors/language';

// openapi
export { buildOpenApiDocument, setupOpenApi, OPENAPI_PATH } from './openapi/setup-openapi';
export type { OpenApiOptions } from './openapi/setup-openapi';
export { ApiProblemResponse } from './openapi/problem-responses';
export { FieldErrorDto, ProblemResponseDto } from './openapi/problem-response.dto';

// auth
export { ROLES, isRole } from './auth/roles';
export type { Role } from './auth/roles';
export { userFromClaims, InvalidClaimsError } from './auth/authenticated-user';
export type { AuthenticatedUser } from './auth/authenticated-user';
export { Public, IS_PUBLIC } from './auth/public.decorator';
export { Roles, REQUIRED_ROLES } from './auth/roles.decorator';
export { AllowQueryToken } from './auth/query-token.decorator';
export { CurrentUser } from './auth/current-user.decorator';
export type { AuthenticatedRequest } from './auth/current-user.decorator';
export { AuthenticationGuard } from './auth/authentication.guard';
export { RolesGuard } from './auth/roles.guard';
export { TokenVerifier } from './auth/token-verifier';
export { resolveAuthSettings } from './auth/auth-settings';
export type { AuthSettings } from './auth/auth-settings';
export { AuthModule } from './auth/auth.module';
export {
  DEV_ISSUER_PORT,
  DEV_ISSUER_JWKS_URL,
  DEV_ISSUER_ISSUER,
  DEV_ISSUER_AUDIENCE,
  DEV_ISSUER_ALGORITHM,
} from './auth/dev-issuer/dev-issuer.constants';
export { DevIssuer } from './auth/dev-issuer/dev-issuer';
export type { DevTokenClaims, DevIssuerOptions, MintOptions } from './auth/dev-issuer/dev-issuer';
export { loadOrCreateDevIssuerKey } from './auth/dev-issuer/dev-issuer-key';
export type { DevIssuerKey } from './auth/dev-issuer/dev-issuer-key';
export { parseDevTokenRequest, DevTokenRequestError } from './auth/dev-issuer/dev-token-request';
export type { DevTokenRequest } from './auth/dev-issuer/dev-token-request';
export {
  createDevIssuerServer,
  DEV_ISSUER_JWKS_PATH,
  DEV_ISSUER_TOKENS_PATH,
} from './auth/dev-issuer/dev-issuer-server';
export { startDevIssuer } from './auth/dev-issuer/start-dev-issuer';
export type { StartDevIssuerOptions, RunningDevIssuer } from './auth/dev-issuer/start-dev-issuer';

// database and redis
export { DatabaseModule, typeOrmOptions } from './database/database.module';
export type { DatabaseOptions } from './database/database.module';
export { runMigrationsExclusively } from './database/run-migrations';
export { TypeOrmLogger } from './database/typeorm-logger';
export { runTransaction } from './database/transaction-retry';
export type { TransactionRunner, TransactionRetryOptions } from './database/transaction-retry';
export {
  SERIALIZATION_FAILURE,
  DEADLOCK_DETECTED,
  TRANSACTION_CONFLICT_SQLSTATES,
  databaseErrorCode,
  isTransactionConflict,
} from './database/postgres-error-codes';
export { RedisModule, REDIS, createRedisClient } from './redis/redis.module';

// rate limits
export { RateLimited, RATE_LIMIT_BUCKET } from './rate-limit/rate-limited.decorator';
export type { RateLimitPolicy, RateLimitPolicies } from './rate-limit/rate-limit-policy';
export { RateLimits } from './rate-limit/rate-limits';
export type { RateLimitVerdict } from './rate-limit/rate-limits';
export { RateLimitGuard } from './rate-limit/rate-limit.guard';
export { RateLimitModule } from './rate-limit/rate-limit.module';
export { rateLimitExceeded } from './rate-limit/rate-limit-problems';

// bootstrap
export { PlatformModule } from './bootstrap/platform.module';
export { configureBodyParsing, JSON_BODY_LIMIT, readRawBody } from './bootstrap/body-parsing';
export type { PlatformModuleOptions } from './bootstrap/platform.module';
export { bootstrapService } from './bootstrap/bootstrap-service';
export { createServiceApp, configureServiceApp } from './bootstrap/create-service-app';
export type { ServiceOptions } from './bootstrap/service-options';
export { kafkaMicroserviceOptions } from './bootstrap/kafka-microservice';
export type { ServiceKafkaOptions } from './bootstrap/kafka-microservice';
export { installGracefulShutdown } from './bootstrap/graceful-shutdown';
export type { GracefulShutdownOptions } from './bootstrap/graceful-shutdown';
export { drainHttpServer } from './bootstrap/drain-http-server';
export type { DrainOutcome } from './bootstrap/drain-http-server';

// clock and durable timers
export { CLOCK, ClockModule, systemClock } from './clock/clock';
export type { Clock } from './clock/clock';
export { DurableTimersMigration, timersMigrations } from './timers/timers.migration';
export { scheduleTimer, cancelTimer, findTimer } from './timers/timer-store';
export type { TimerRequest, DueTimer } from './timers/timer-store';
export { TimerHandler, TIMER_HANDLER } from './timers/timer-handler.decorator';
export type { TimerHandlerFunction } from './timers/timer-handler.decorator';
export { TimerPoller } from './timers/timer-poller';
export { TimersModule } from './timers/timers.module';
export { timerRetryDelayMs } from './timers/timer-backoff';
export * from './audit/loop-audit-facts.request.dto';
export * from './random/seeded-random';
export * from './retry/exponential-backoff';
export * from './audit/parked-event.response.dto';
export * from './clock/service-month';
export * from './collections/chunk';
