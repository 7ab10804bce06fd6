// Calls the service's HTTP API the way a real client rides out a dependency outage: a 503 is read
// (Retry-After, problem+json) and the same request is sent again until the service answers something
// else. Every answer is kept, so an outage test can assert afterwards what the clients were told.
import type { Server } from 'node:http';
import request, { Response, Test } from 'supertest';
import { waitFor } from '@loop/testing';

/** What a request is built on (supertest bound to the service's HTTP server). */
type Agent = ReturnType<typeof request>;

/** One answer the service gave (status 0: the request failed without an HTTP answer). */
export interface Answer {
  /** What was asked, e.g. `POST /members/:memberId/adjustments`. */
  operation: string;
  status: number;
  retryAfter: string | undefined;
  contentType: string | undefined;
  /** The problem's `code`, when the answer is a problem document. */
  code: string | undefined;
}

/** The final answer to one command or query, and whether it took more than one attempt. */
export interface Outcome {
  response: Response;
  /** The attempts answered 503 before it. */
  unavailable: number;
}

/** How long a client keeps trying one request before the test gives up on it. */
const patienceMs = 45_000;
// The service asks for 5 s (Retry-After); a client in a test comes back sooner, which only makes it
// more likely to meet the outage again — the outcome must be the same.
const retryIntervalMs = 300;

/** A client of the service that retries a request answered 503 until it gets another answer. */
export class PatientClient {
  /** Every answer received, in order of arrival. */
  readonly answers: Answer[] = [];
  private stopped = false;

  constructor(private readonly server: () => Server) {}

  /**
   * Sends the request `build` makes until the answer is not 503, and returns that answer. `build` is
   * called again for each attempt, so a retry carries the same method, body and headers (the same
   * Idempotency-Key where the request has one).
   */
  async send(operation: string, build: (agent: Agent) => Test): Promise<Outcome> {
    let unavailable = 0;
    const response = await waitFor(
      async () => {
        if (this.stopped) return 'stopped' as const;
        const answer = await build(request(this.server())).catch((error: unknown) => {
          this.answers.push({
            operation,
            status: 0,
            retryAfter: undefined,
            contentType: undefined,
            code: String(error),
          });
          throw error;
        });
        this.answers.push(answerOf(operation, answer));
        if (answer.status !== 503) return answer;
        unavailable++;
        return false;
      },
      { timeoutMs: patienceMs, intervalMs: retryIntervalMs, description: `an answer to ${operation}` },
    );
    if (response === 'stopped') throw new Error(`${operation} abandoned: the client was stopped`);
    return { response, unavailable };
  }

  /** Whether `stop` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Abandons the requests being retried (they reject) — when a test ends before its streams do. */
  stop(): void {
    this.stopped = true;
  }

  /** The answers with `status`. */
  answered(status: number): Answer[] {
    return this.answers.filter((answer) => answer.status === status);
  }
}

function answerOf(operation: string, response: Response): Answer {
  const body = response.body as { code?: unknown } | undefined;
  return {
    operation,
    status: response.status,
    retryAfter: response.headers['retry-after'],
    contentType: response.headers['content-type'],
    code: typeof body?.code === 'string' ? body.code : undefined,
  };
}
