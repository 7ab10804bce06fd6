import { SetMetadata } from '@nestjs/common';

/** Metadata key allowing the token in the `access_token` query parameter. */
export const ALLOWS_QUERY_TOKEN = 'platform:allowsQueryToken';

/**
 * Also accepts the token as `?access_token=` (RFC 6750 §2.3) on this handler. Only for endpoints a
 * browser opens without custom headers, such as an EventSource (SSE) stream; URLs end up in logs, so
 * everywhere else the Authorization header is the only way in.
 */
export const AllowQueryToken = (): MethodDecorator => SetMetadata(ALLOWS_QUERY_TOKEN, true);
