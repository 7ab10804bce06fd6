// JSON over HTTP for the stories: bearer token in, parsed body out, and a failure that says exactly what
// the service answered (status and problem body), so a broken story names the broken call.

/** A call the service refused or failed: the status and the problem+json body it answered with. */
export class HttpCallError extends Error {
  constructor(
    /** e.g. `POST http://127.0.0.1:3001/tickets`. */
    readonly call: string,
    /** The HTTP status answered. */
    readonly status: number,
    /** The parsed body (usually problem+json), or the raw text when it is not JSON. */
    readonly body: unknown,
  ) {
    super(`${call} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'HttpCallError';
  }
}

/** One answer a service gave, as the crash proof judges them afterwards. */
export interface HttpAnswer {
  /** e.g. `POST http://127.0.0.1:3001/tickets`. */
  call: string;
  status: number;
  /** When the answer arrived (ms since the epoch). */
  at: number;
  /** The Retry-After header, when present. */
  retryAfter: string | null;
  /** The Content-Type header, when present. */
  contentType: string | null;
}

/** Every answer of a status ≥ 500 any call received in this process, in arrival order. */
export const serverErrorAnswers: HttpAnswer[] = [];

/** What one call sends besides its method and URL. */
export interface JsonCallOptions {
  /** Bearer token of the caller. */
  token?: string;
  /** JSON body. */
  body?: unknown;
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

/** Sends one request and returns the parsed JSON body; throws {@link HttpCallError} on a non-2xx status. */
export async function callJson<T>(method: string, url: string, options: JsonCallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status >= 500) {
    serverErrorAnswers.push({
      call: `${method} ${url}`,
      status: response.status,
      at: Date.now(),
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
    });
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text for the error message.
  }
  if (!response.ok) throw new HttpCallError(`${method} ${url}`, response.status, parsed);
  return parsed as T;
}
