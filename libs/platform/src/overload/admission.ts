// Load shedding at the door: a service admits at most as many requests at a time as it can serve, and
// answers the rest 503 with Retry-After at once — instead of queueing them into a database pool that
// would time out after seconds with the same answer, having made every admitted request slower.
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { toProblem } from '../errors/problem-details.mapper';
import { preferredLanguage } from '../errors/language';
import { correlationContext } from '../logging/correlation-context';
import { counterMetric } from '../metrics/metric-registry';

/** Counts requests in flight against a limit; pure, so the rule is tested without HTTP. */
export class AdmissionGate {
  private inFlight = 0;

  constructor(readonly limit: number) {}

  /** Takes a place if one is free; the caller must `leave()` exactly once when done. */
  tryEnter(): boolean {
    if (this.inFlight >= this.limit) return false;
    this.inFlight += 1;
    return true;
  }

  /** Gives a place back. */
  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Requests being served now. */
  get current(): number {
    return this.inFlight;
  }
}

// Probes and scrapes must answer while the service sheds load, or a busy replica would be restarted.
const alwaysAdmitted = /^\/(health|metrics)(\/|$)/;

function shed() {
  return counterMetric({
    name: 'http_requests_shed_total',
    help: 'Requests answered 503 at once because the service was serving as many as it admits',
  });
}

/**
 * How long shed clients are asked to wait. The first second of overload asks for 1 s, long enough for
 * the burst in flight to drain. While shedding goes on, the wait doubles each second up to 4 s and is
 * spread over [wait, 2 × wait), so the clients refused together do not all come back at the same instant
 * and retries stop eating the cores the admitted requests need. A second without a refusal starts over.
 */
export class ShedBackoff {
  private spellStartedAt = 0;
  private lastShedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** The `Retry-After` (whole seconds) for a request refused now. */
  retryAfterSeconds(): number {
    const now = this.now();
    if (now - this.lastShedAt > 1_000) this.spellStartedAt = now;
    this.lastShedAt = now;
    const base = Math.min(4, 2 ** Math.floor((now - this.spellStartedAt) / 1_000));
    return base + Math.floor(this.random() * base);
  }
}

/**
 * Express middleware admitting at most `limit` requests at a time. Live streams (text/event-stream) are
 * not counted: they hold no database connection while they wait.
 */
export function admissionMiddleware(gate: AdmissionGate, backoff = new ShedBackoff()) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (alwaysAdmitted.test(request.path) || request.headers.accept?.includes('text/event-stream')) {
      next();
      return;
    }
    if (!gate.tryEnter()) {
      shed().inc();
      const seconds = backoff.retryAfterSeconds();
      const { body, headers } = toProblem(
        new ProblemException(
          503,
          'service.overloaded',
          {
            'zh-CN': `服务当前请求过多，本次请求未被处理，请在 ${seconds} 秒后重试。`,
            en: `The service is serving as many requests as it can; this one was not carried out. Retry in ${seconds} s.`,
          },
          { 'Retry-After': String(seconds) },
        ),
        {
          language: preferredLanguage(request.headers['accept-language']),
          instance: request.path,
          correlationId: correlationContext.current()?.correlationId,
        },
      );
      response.status(503).set(headers).type('application/problem+json').send(JSON.stringify(body));
      return;
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      gate.leave();
    };
    response.once('finish', leave);
    response.once('close', leave);
    next();
  };
}
