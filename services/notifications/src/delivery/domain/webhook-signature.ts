import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `sha256=<hex HMAC>` of `timestamp + "." + body`. */
export const webhookSignatureHeader = 'x-loop-signature';
/** Header carrying the signing time in Unix seconds; receivers reject stale timestamps (replays). */
export const webhookTimestampHeader = 'x-loop-timestamp';
/** Header carrying the delivery id; the same across retries, so a receiver can drop repeats. */
export const webhookDeliveryHeader = 'x-loop-delivery';

/** The signature header value for `body` sent at `timestamp` (Unix seconds) with `secret`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether `signature` is the valid signature of `body` at `timestamp` (constant-time comparison). */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
