// Remembers Idempotency-Key headers in Redis so that a retried POST returns the ticket the first one
// created instead of creating a second. The key is claimed with SET NX before any work is done, so of
// two identical requests racing each other exactly one creates; the other waits for its outcome.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, REDIS } from '@loop/platform';
import type Redis from 'ioredis';
import { RequestsConfig } from '../../config/requests.config';

/** The same Idempotency-Key was sent with a different request body. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency.key-reused';
  readonly problemType = 'rule-violated';
  constructor() {
    super('the Idempotency-Key was already used with a different request body', {
      'zh-CN': '该 Idempotency-Key 已用于内容不同的请求，请换一个新的键',
      en: 'This Idempotency-Key was already used with a different request body; use a new key',
    });
  }
}

/** An identical request with the same key is still being handled and did not finish in time. */
export class IdempotentRequestInProgressError extends DomainError {
  readonly code = 'idempotency.in-progress';
  readonly problemType = 'conflict';
  constructor() {
    super('a request with the same Idempotency-Key is still in progress', {
      'zh-CN': '相同 Idempotency-Key 的请求仍在处理中，请稍后重试',
      en: 'A request with the same Idempotency-Key is still being processed; retry shortly',
    });
  }
}

interface Remembered {
  bodyHash: string;
  /** Set once the first request has created its ticket. */
  ticketId?: string;
}

const waitStepMs = 50;
const waitLimitMs = 10_000;
// A claim that never completes (the process died mid-request) must not block the key for a whole day.
const pendingClaimTtlMs = 30_000;

/** The outcome of running a create under an idempotency key. */
export interface IdempotentOutcome {
  ticketId: string;
  /** True when the ticket was created by an earlier request with the same key. */
  replayed: boolean;
}

/** Runs ticket creation at most once per (caller, Idempotency-Key, body). */
@Injectable()
export class IdempotentRequests {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
  ) {}

  /** Runs `create` unless the same caller already sent this key with the same body; then returns that ticket. */
  async once(
    callerId: string,
    key: string,
    body: unknown,
    create: () => Promise<string>,
  ): Promise<IdempotentOutcome> {
    const redisKey = `idempotency:tickets:${callerId}:${key}`;
    const bodyHash = hashBody(body);
    const claimed = await this.redis.set(
      redisKey,
      JSON.stringify({ bodyHash } satisfies Remembered),
      'PX',
      pendingClaimTtlMs,
      'NX',
    );
    if (claimed !== 'OK') return { ticketId: await this.waitForFirst(redisKey, bodyHash), replayed: true };
    let ticketId: string;
    try {
      ticketId = await create();
    } catch (error) {
      // Nothing was created: free the key so the client can retry with it.
      await this.redis.del(redisKey);
      throw error;
    }
    await this.redis.set(
      redisKey,
      JSON.stringify({ bodyHash, ticketId } satisfies Remembered),
      'EX',
      this.config.IDEMPOTENCY_TTL_SECONDS,
    );
    return { ticketId, replayed: false };
  }

  private async waitForFirst(redisKey: string, bodyHash: string): Promise<string> {
    const deadline = Date.now() + waitLimitMs;
    for (;;) {
      const raw = await this.redis.get(redisKey);
      const remembered = raw ? (JSON.parse(raw) as Remembered) : undefined;
      if (remembered && remembered.bodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
      if (remembered?.ticketId) return remembered.ticketId;
      if (!remembered || Date.now() >= deadline) throw new IdempotentRequestInProgressError();
      await new Promise((resolve) => setTimeout(resolve, waitStepMs));
    }
  }
}

/** SHA-256 of the body in a canonical form (keys sorted), so key order in the JSON does not matter. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
