// What went wrong with a call, in words for the person: the problem+json `detail` the services send in
// the language asked for (libs/platform errors), the per-field messages of a validation failure, or the
// console's own words when the network failed or the body is not a problem document.

/** A field message of a validation problem. */
interface FieldMessage {
  field: string;
  message: string;
}

/** An error answer from a service: its HTTP status and body (a problem document when it is one). */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }

  /** The problem's stable code (`ticket.not-found`), when the body has one. */
  get code(): string | undefined {
    return isRecord(this.body) && typeof this.body.code === 'string' ? this.body.code : undefined;
  }

  /** True for answers worth retrying unchanged: the service was down or busy, or the same submission is still being filed. */
  get transient(): boolean {
    if (this.status === 409 && this.code === 'idempotency.in-progress') return true;
    return this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The console's own words, in the current language. */
export interface ProblemWords {
  /** No answer: offline, DNS, connection refused. */
  network: string;
  /** An answer without a usable problem document, with its status. */
  status: (status: number) => string;
  /** Anything else. */
  unknown: string;
  /** Between the sentences of a validation failure: `；` in Chinese, `; ` in English. */
  separator?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldMessages(body: Record<string, unknown>): FieldMessage[] {
  const errors = body.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (entry): entry is FieldMessage =>
      isRecord(entry) && typeof entry.field === 'string' && typeof entry.message === 'string',
  );
}

/** True for an error that says the request never got an answer (fetch rejects with a TypeError). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}

/** One sentence (or a few, for field errors) saying what went wrong, for a toast or an error state. */
export function problemMessage(error: unknown, words: ProblemWords): string {
  if (error instanceof ApiProblem) {
    const body = error.body;
    if (isRecord(body)) {
      const fields = fieldMessages(body);
      const detail = typeof body.detail === 'string' && body.detail ? body.detail : undefined;
      const title = typeof body.title === 'string' && body.title ? body.title : undefined;
      if (fields.length)
        return [detail ?? title, ...fields.map((f) => `${f.field}: ${f.message}`)]
          .filter(Boolean)
          .join(words.separator ?? '；');
      if (detail ?? title) return (detail ?? title)!;
    }
    return words.status(error.status);
  }
  if (isNetworkFailure(error)) return words.network;
  return words.unknown;
}
