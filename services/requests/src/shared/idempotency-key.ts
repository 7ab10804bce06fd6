import { ProblemException } from '@loop/platform';

/** The Idempotency-Key header, checked: absent, or 1–128 visible ASCII characters (400 otherwise). */
export function checkedIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw new ProblemException(400, 'idempotency.invalid-key', {
      'zh-CN': 'Idempotency-Key 须为 1–128 个可见 ASCII 字符',
      en: 'Idempotency-Key must be 1–128 visible ASCII characters',
    });
  }
  return value;
}
