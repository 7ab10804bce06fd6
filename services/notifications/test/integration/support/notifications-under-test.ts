// Boots the notifications service for a suite, with fast delivery retries.
import request from 'supertest';
import type { Role } from '@loop/platform';
import {
  ServiceWithRestartablePostgres,
  startTestService,
  startTestServiceWithRestartablePostgres,
  TestService,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../../src/app.module';
import { notificationsServiceOptions } from '../../../src/service-options';

/** Delivery settings that make retries take milliseconds instead of minutes. */
export const fastDeliveryEnv = {
  DELIVERY_POLL_INTERVAL_MS: '50',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_RETRY_MAX_MS: '200',
  DELIVERY_MAX_ATTEMPTS: '3',
  DELIVERY_TIMEOUT_MS: '2000',
  // The suites' webhook receivers and SMS gateway listen on 127.0.0.1, which the default refuses.
  // webhook-target-safety.int-spec.ts turns it back off to test the refusal itself.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
};

/**
 * Starts the service with fast deliveries and `env` on top. A start is tried again when topic
 * provisioning trips over the broker briefly not knowing a topic it has just created (seen when suites
 * start in parallel on one broker); the failed attempt has already removed its database.
 */
export function startNotifications(env: Record<string, string> = {}): Promise<TestService> {
  return retryingTopicRaces(() =>
    startTestService(AppModule, notificationsServiceOptions, { env: { ...fastDeliveryEnv, ...env } }),
  );
}

/**
 * Starts the service as `startNotifications` does, with its PostgreSQL reached through a proxy so that
 * a test can restart the database under it (see `restartPostgres`).
 */
export function startNotificationsWithRestartablePostgres(
  env: Record<string, string> = {},
): Promise<ServiceWithRestartablePostgres> {
  return retryingTopicRaces(() =>
    startTestServiceWithRestartablePostgres(AppModule, notificationsServiceOptions, {
      env: { ...fastDeliveryEnv, ...env },
    }),
  );
}

async function retryingTopicRaces<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      const transient =
        error instanceof Error && /does not host this topic-partition|not the leader/i.test(error.message);
      if (!transient || attempt >= 3) throw error;
    }
  }
}

/** A token for a person with the given role. */
export function tokenOf(service: TestService, sub: string, role: Role = 'resident'): Promise<string> {
  return service.tokenFor({ sub, roles: [role] });
}

/** The kinds in a person's inbox (newest first). */
export async function inboxKinds(service: TestService, token: string): Promise<string[]> {
  const response = await request(service.app.getHttpServer())
    .get('/me/notifications?limit=100')
    .set('authorization', `Bearer ${token}`)
    .expect(200);
  return (response.body.items as Array<{ kind: string }>).map((item) => item.kind);
}

/** Waits until the person's inbox holds `kind`. */
export function waitForKind(
  service: TestService,
  token: string,
  kind: string,
  timeoutMs = 45_000,
): Promise<string[]> {
  return waitFor(
    async () => {
      const kinds = await inboxKinds(service, token);
      return kinds.includes(kind) ? kinds : undefined;
    },
    { description: `a ${kind} notification`, timeoutMs, intervalMs: 100 },
  );
}
