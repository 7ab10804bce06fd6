// Remembers Idempotency-Key headers in Redis so that a retried command — a submission, a cancellation,
// a confirmation, a reopening — takes effect once, and its retry answers as if it were the first. The key
// is claimed with SET NX before any work is done, so of two identical requests racing each other exactly
// one runs; the other waits for its outcome.
//
// The claim reserves the id of what the command creates (the ticket, or the action's event) and every
// attempt under the key creates that same id. An attempt cut off by a dependency that went away may have
// committed without hearing so (PostgreSQL can be terminated during COMMIT); the next attempt under the
// key runs again with the reserved id, and the handler, finding that id already in the database, reports
// the command as done before instead of doing it twice.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { dependencyFailureOf, DomainError, REDIS } from '@loop/platform';
import type Redis from 'ioredis';
import { RequestsConfig } from '../../config/requests.config';
import { ID_GENERATOR, IdGenerator } from '../../shared/id-generator';

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

/** How one attempt of a command went: it took effect now, or an earlier attempt had made it take effect. */
export type CommandOutcome = 'done' | 'done-before';

/** What a key remembers. */
export interface Remembered {
  bodyHash: string;
  /** The id the command creates under this key (a ticket's, or an event's), the same for every attempt. */
  reservedId: string;
  /**
   * `running`: an attempt holds the claim; `done`: the command took effect; `unsettled`: an attempt
   * failed on a dependency and may or may not have committed — the next attempt finds out.
   */
  state: 'running' | 'done' | 'unsettled';
}

const waitStepMs = 50;
const waitLimitMs = 10_000;
// A claim that never completes (the process died mid-request) must not block the key for a whole day.
const pendingClaimTtlMs = 30_000;

/** The outcome of running a command under an idempotency key. */
export interface IdempotentOutcome {
  /** The id reserved for what the command creates. */
  reservedId: string;
  /** True when the command had taken effect in an earlier request with the same key. */
  replayed: boolean;
}

/** Runs commands at most once per (caller, Idempotency-Key, request). */
@Injectable()
export class IdempotentRequests {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /**
   * Runs `command` with the id reserved for this key, unless the same caller already sent the key with
   * the same request and it took effect; then says so. `request` is what makes two requests the same
   * (the body, and for an action its name and ticket).
   */
  async once(
    callerId: string,
    key: string,
    request: unknown,
    command: (reservedId: string) => Promise<CommandOutcome>,
  ): Promise<IdempotentOutcome> {
    const redisKey = `idempotency:tickets:${callerId}:${key}`;
    const claim: Remembered = { bodyHash: hashBody(request), reservedId: this.ids(), state: 'running' };
    const claimed = await this.redis.set(redisKey, JSON.stringify(claim), 'PX', pendingClaimTtlMs, 'NX');
    if (claimed === 'OK') return this.attempt(redisKey, claim, command);
    const earlier = await this.waitForEarlier(redisKey, claim.bodyHash);
    if (earlier.state === 'done') return { reservedId: earlier.reservedId, replayed: true };
    return this.attempt(redisKey, earlier, command);
  }

  private async attempt(
    redisKey: string,
    claim: Remembered,
    command: (reservedId: string) => Promise<CommandOutcome>,
  ): Promise<IdempotentOutcome> {
    let outcome: CommandOutcome;
    try {
      outcome = await command(claim.reservedId);
    } catch (error) {
      await this.afterFailure(redisKey, claim, error).catch(() => undefined);
      throw error;
    }
    await this.remember(redisKey, { ...claim, state: 'done' });
    return { reservedId: claim.reservedId, replayed: outcome === 'done-before' };
  }

  private async afterFailure(redisKey: string, claim: Remembered, error: unknown): Promise<void> {
    if (failedAttemptLeaves(error) === 'nothing') {
      // Nothing was done: free the key so the client can retry with it.
      await this.redis.del(redisKey);
    } else {
      await this.remember(redisKey, { ...claim, state: 'unsettled' });
    }
  }

  private async remember(redisKey: string, remembered: Remembered): Promise<void> {
    await this.redis.set(redisKey, JSON.stringify(remembered), 'EX', this.config.IDEMPOTENCY_TTL_SECONDS);
  }

  /** Waits until the earlier request under the key took effect or failed unsettled. */
  private async waitForEarlier(redisKey: string, bodyHash: string): Promise<Remembered> {
    const deadline = Date.now() + waitLimitMs;
    for (;;) {
      const remembered = rememberedFrom(await this.redis.get(redisKey));
      if (remembered && remembered.bodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
      if (remembered && remembered.state !== 'running') return remembered;
      if (!remembered || Date.now() >= deadline) throw new IdempotentRequestInProgressError();
      await new Promise((resolve) => setTimeout(resolve, waitStepMs));
    }
  }
}

/**
 * What a failed attempt may have left in the database. A refusal (a broken rule, bad input) rolled its
 * transaction back, and so is a bug taken to have; the key is freed for a corrected request. A dependency
 * that went away may have done so after PostgreSQL committed, taking the answer with it: the outcome is
 * unknown until the next attempt looks.
 */
export function failedAttemptLeaves(error: unknown): 'nothing' | 'unknown' {
  return dependencyFailureOf(error) ? 'unknown' : 'nothing';
}

/**
 * A key's value as stored; also reads the values written before ids were reserved (`{ bodyHash }` while
 * running, `{ bodyHash, ticketId }` once done), so keys claimed before an upgrade keep their meaning.
 */
export function rememberedFrom(raw: string | null): Remembered | undefined {
  if (!raw) return undefined;
  const value = JSON.parse(raw) as Partial<Remembered> & { bodyHash: string; ticketId?: string };
  if (value.state && value.reservedId) return value as Remembered;
  return value.ticketId
    ? { bodyHash: value.bodyHash, reservedId: value.ticketId, state: 'done' }
    : { bodyHash: value.bodyHash, reservedId: '', state: 'running' };
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
