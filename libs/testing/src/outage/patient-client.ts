// An outage test must show what the service's HTTP clients were told while a dependency was away, and
// that they got their work done once it was back. Real clients ride out the outage by reading a 503's
// Retry-After and problem+json body and sending the very same request again; this client does that,
// keeps every answer for the assertions made afterwards, and gives up after a bounded patience so a
// service that never recovers fails the test instead of hanging it.
import { setTimeout as delay } from 'node:timers/promises';
import request, { Response, Test } from 'supertest';

/** What supertest is pointed at: the service's HTTP server, e.g. `service.app.getHttpServer()`. */
export type HttpTarget = Parameters<typeof request>[0];

/** Builds one attempt of a request on supertest, e.g. `(http) => http.get('/tickets')`. */
export type RequestBuilder = (http: ReturnType<typeof request>) => Test;

/** What the client reads from an attempt's answer; supertest's `Response` has it. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, unknown>;
  body?: unknown;
}

/** One answer the service gave to one attempt. */
export interface PatientAnswer {
  /** What was asked, as the test names it, e.g. `POST /tickets/:id/cancel`. */
  operation: string;
  /** The HTTP status, or 0 when the attempt failed without an HTTP answer. */
  status: number;
  /** The Retry-After header, as sent. */
  retryAfter: string | undefined;
  /** The Content-Type header, as sent. */
  contentType: string | undefined;
  /** The problem document's `code`; for status 0, the error the attempt failed with. */
  code: string | undefined;
}

/** The final (non-503) answer to one request, and how many attempts before it were answered 503. */
export interface PatientOutcome<A = Response> {
  response: A;
  unavailable: number;
}

/** How patient the client is. */
export interface PatientClientOptions {
  /** How long one request is retried before the client gives up on the service (default 45 s). */
  patienceMs?: number;
  /**
   * The pause between attempts; by default as long as the 503's Retry-After asks (1 s when it asks
   * nothing usable). A test may come back sooner: that only makes it likelier to meet the outage again.
   */
  retryIntervalMs?: number;
}

/** A client of a service's HTTP API that sends a request again after every 503 until it gets another answer. */
export class PatientHttpClient {
  /** Every answer received, in order of arrival. */
  readonly answers: PatientAnswer[] = [];
  private attemptsInFlight = 0;
  private requestsFinished = 0;
  private stopped = false;
  private readonly patienceMs: number;

  constructor(
    private readonly target: () => HttpTarget,
    private readonly options: PatientClientOptions = {},
  ) {
    this.patienceMs = options.patienceMs ?? 45_000;
  }

  /**
   * Sends the request `build` makes until the answer is not 503, and returns that answer. `build` is
   * called again for each attempt, so a retry carries the same method, body and headers (the same
   * Idempotency-Key where the request has one).
   */
  send(operation: string, build: RequestBuilder): Promise<PatientOutcome> {
    return this.retry(operation, () => build(request(this.target())));
  }

  /** As `send`, for an attempt supertest does not make (a live stream, say). */
  async retry<A extends HttpAnswer>(
    operation: string,
    attempt: () => Promise<A>,
  ): Promise<PatientOutcome<A>> {
    const giveUpAt = Date.now() + this.patienceMs;
    for (let unavailable = 0; ; unavailable++) {
      this.throwIfStopped(operation);
      const answer = await this.attempt(operation, attempt);
      if (answer.status !== 503) {
        this.requestsFinished++;
        return { response: answer, unavailable };
      }
      this.throwIfStopped(operation);
      if (Date.now() > giveUpAt) {
        throw new Error(`${operation} was still answered 503 after ${this.patienceMs} ms`);
      }
      await delay(this.options.retryIntervalMs ?? retryAfterMs(answer.headers['retry-after']));
    }
  }

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.attemptsInFlight;
  }

  /** Requests that got their final (non-503) answer. */
  get finished(): number {
    return this.requestsFinished;
  }

  /** Whether `stop` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Abandons the requests being retried (they reject) — so none outlives a failed test and calls a closed service. */
  stop(): void {
    this.stopped = true;
  }

  /** The answers with `status`. */
  answered(status: number): PatientAnswer[] {
    return this.answers.filter((answer) => answer.status === status);
  }

  private async attempt<A extends HttpAnswer>(operation: string, attempt: () => Promise<A>): Promise<A> {
    this.attemptsInFlight++;
    try {
      const answer = await attempt();
      this.answers.push(answerOf(operation, answer));
      return answer;
    } catch (error) {
      this.answers.push({
        operation,
        status: 0,
        retryAfter: undefined,
        contentType: undefined,
        code: String(error),
      });
      throw error;
    } finally {
      this.attemptsInFlight--;
    }
  }

  private throwIfStopped(operation: string): void {
    if (this.stopped) throw new Error(`${operation} abandoned: the client was stopped`);
  }
}

function answerOf(operation: string, answer: HttpAnswer): PatientAnswer {
  const body = answer.body as { code?: unknown } | undefined;
  return {
    operation,
    status: answer.status,
    retryAfter: headerOf(answer.headers['retry-after']),
    contentType: headerOf(answer.headers['content-type']),
    code: typeof body?.code === 'string' ? body.code : undefined,
  };
}

function headerOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// A 503 without a usable Retry-After fails the tests' assertions; the client still comes back later.
function retryAfterMs(retryAfter: unknown): number {
  const seconds = Number(retryAfter);
  return (Number.isInteger(seconds) && seconds > 0 ? seconds : 1) * 1_000;
}
