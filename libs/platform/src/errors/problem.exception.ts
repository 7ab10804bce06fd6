import { HttpException } from '@nestjs/common';
import type { LocalizedText } from './language';

/**
 * An HTTP failure that already knows how to describe itself to people: a stable code and a detail in
 * every language, plus headers the response must carry (e.g. `WWW-Authenticate` on 401).
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    /** Stable, machine-readable code, e.g. `auth.token-missing`. */
    readonly code: string,
    /** What the caller should read, per language. */
    readonly detail: LocalizedText,
    /** Headers to set on the problem response. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail.en, status);
  }
}
