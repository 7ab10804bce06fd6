import { ProblemException } from '../errors/problem.exception';

/** 429: the person made too many writes of one kind; `Retry-After` says when the next one is counted. */
export function rateLimitExceeded(retryAfterSeconds: number): ProblemException {
  return new ProblemException(
    429,
    'rate-limit.exceeded',
    {
      'zh-CN': `操作过于频繁，本次请求未被处理，请在 ${retryAfterSeconds} 秒后重试。`,
      en: `Too many requests of this kind; this one was not carried out. Retry in ${retryAfterSeconds} s.`,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
