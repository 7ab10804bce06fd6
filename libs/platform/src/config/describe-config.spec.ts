import { describeConfig } from './describe-config';
import { IsNonBlank } from './env-decorators';
import { PlatformConfig } from './platform.config';

class NotificationsConfig extends PlatformConfig {
  @IsNonBlank()
  SMS_GATEWAY_URL!: string;
}

describe('describeConfig', () => {
  it('lists every platform variable with whether it is required and its default', () => {
    const variables = describeConfig(PlatformConfig);

    expect(variables).toEqual(
      expect.arrayContaining([
        { name: 'NODE_ENV', required: false, default: 'development' },
        { name: 'PORT', required: true },
        { name: 'LOG_LEVEL', required: false, default: 'info' },
        { name: 'DATABASE_URL', required: true },
        { name: 'REDIS_URL', required: true },
        { name: 'REDIS_KEY_PREFIX', required: false, default: '' },
        { name: 'KAFKA_BROKERS', required: true },
        { name: 'KAFKA_CLIENT_ID', required: true },
        { name: 'KAFKA_TOPIC_PREFIX', required: false, default: '' },
        { name: 'KAFKA_GROUP_PREFIX', required: false, default: '' },
        { name: 'KAFKA_TLS', required: false, default: 'false' },
        { name: 'KAFKA_TLS_CA_FILE', required: false },
        { name: 'KAFKA_TLS_CERT_FILE', required: false },
        { name: 'KAFKA_TLS_KEY_FILE', required: false },
        { name: 'KAFKA_SASL_MECHANISM', required: false, default: 'none' },
        { name: 'KAFKA_SASL_USERNAME', required: false },
        { name: 'KAFKA_SASL_PASSWORD', required: false },
        { name: 'KAFKA_PROVISION_TOPICS', required: false, default: 'true' },
        { name: 'OUTBOX_RELAY_LINGER_MS', required: false, default: '20' },
        { name: 'AUTH_JWKS_URL', required: false },
        { name: 'AUTH_ISSUER', required: false },
        { name: 'AUTH_AUDIENCE', required: false },
        { name: 'AUTH_DEV_ISSUER', required: false, default: 'false' },
        { name: 'SHUTDOWN_GRACE_MS', required: false, default: '10000' },
        { name: 'MIGRATE_ONLY', required: false, default: 'false' },
        { name: 'TIMERS_POLL_INTERVAL_MS', required: false, default: '1000' },
        { name: 'HTTP_MAX_IN_FLIGHT', required: false, default: '40' },
      ]),
    );
    expect(variables).toHaveLength(28);
  });

  it('includes the variables a service schema adds to the platform ones', () => {
    const names = describeConfig(NotificationsConfig).map((variable) => variable.name);

    expect(names).toContain('SMS_GATEWAY_URL');
    expect(names).toContain('DATABASE_URL');
    expect(describeConfig(NotificationsConfig).find((v) => v.name === 'SMS_GATEWAY_URL')?.required).toBe(
      true,
    );
  });
});
