import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { kafkaSecurity } from '../config/kafka-security';
import { PlatformConfig } from '../config/platform.config';
import { withTimeout } from './with-timeout';

const CHECK_TIMEOUT_MS = 3000;

/**
 * Readiness of Kafka: the cluster answers a metadata request (describeCluster). One admin connection
 * is kept between checks; after any failure it is dropped and the next check connects afresh, so
 * readiness recovers on its own when the brokers return.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly kafka: Kafka;
  private admin: Promise<Admin> | undefined;
  private shutDown = false;

  constructor(
    @Inject(PlatformConfig) config: PlatformConfig,
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.KAFKA_CLIENT_ID}-health`,
      brokers: config.KAFKA_BROKERS,
      // The same TLS and credentials as the service's own clients: the brokers admit no one else.
      ...kafkaSecurity(config),
      connectionTimeout: 1500,
      requestTimeout: 2500,
      // A probe must answer quickly; retrying is the next probe's job.
      retry: { retries: 0 },
      // The outcome is reported by /health/ready; kafkajs's own error lines would repeat it every probe.
      logLevel: logLevel.NOTHING,
    });
  }

  /** Checks Kafka under `key` in the health report. */
  async check<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      const cluster = await withTimeout(
        this.connectedAdmin().then((admin) => admin.describeCluster()),
        CHECK_TIMEOUT_MS,
        `no reply within ${CHECK_TIMEOUT_MS} ms`,
      );
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      this.dropAdmin();
      return indicator.down({ message: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // A probe still in flight must not open a connection that nobody will close.
    this.shutDown = true;
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    if (this.shutDown) return Promise.reject(new Error('the service is shutting down'));
    // Concurrent probes share one connection attempt instead of each opening their own.
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
      } catch (error) {
        // A failed attempt may have opened some broker connections; close them before giving up.
        await admin.disconnect().catch(() => undefined);
        throw error;
      }
      return admin;
    })();
    return this.admin;
  }

  private dropAdmin(): void {
    const stale = this.admin;
    this.admin = undefined;
    // Disconnect in the background: a half-open connection must not hold up the probe's answer.
    void stale?.then((admin) => admin.disconnect()).catch(() => undefined);
  }
}
