import type { LocalizedText } from '../errors/language';
import { ProblemException } from '../errors/problem.exception';
import type { Role } from './roles';

// 401 responses carry a WWW-Authenticate challenge (RFC 6750 §3) so clients know a bearer token is
// expected and, when one was sent, that it was refused.

/** 401: the request carries no bearer token. */
export function tokenMissing(): ProblemException {
  return new ProblemException(
    401,
    'auth.token-missing',
    { 'zh-CN': '请先登录：请求缺少访问令牌。', en: 'Sign in first: the request carries no bearer token.' },
    { 'WWW-Authenticate': 'Bearer' },
  );
}

/** 401: the token is malformed, badly signed, for another issuer or audience, or lacks a subject. */
export function tokenInvalid(): ProblemException {
  return new ProblemException(
    401,
    'auth.token-invalid',
    { 'zh-CN': '访问令牌无效，请重新登录。', en: 'The bearer token is not valid; sign in again.' },
    { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  );
}

/** 401: the token is signed and current, but what it says about the person cannot be used. */
export function claimsInvalid(explanation: LocalizedText): ProblemException {
  return new ProblemException(401, 'auth.claims-invalid', explanation, {
    'WWW-Authenticate': 'Bearer error="invalid_token", error_description="claims"',
  });
}

/** 401: the token was valid but has expired. */
export function tokenExpired(): ProblemException {
  return new ProblemException(
    401,
    'auth.token-expired',
    { 'zh-CN': '登录已过期，请重新登录。', en: 'The bearer token has expired; sign in again.' },
    { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="expired"' },
  );
}

/** 503: the identity provider's signing keys cannot be fetched, so no token can be checked right now. */
export function signingKeysUnavailable(): ProblemException {
  return new ProblemException(503, 'auth.keys-unavailable', {
    'zh-CN': '暂时无法验证登录状态，请稍后重试。',
    en: 'Sign-in cannot be checked right now; try again shortly.',
  });
}

/** 403: the user holds none of the roles the endpoint requires. */
export function roleRequired(required: readonly Role[]): ProblemException {
  return new ProblemException(403, 'auth.role-required', {
    'zh-CN': `此操作需要以下角色之一：${required.join('、')}。`,
    en: `This requires one of the roles: ${required.join(', ')}.`,
  });
}
