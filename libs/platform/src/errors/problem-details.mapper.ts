import { HttpException, HttpStatus } from '@nestjs/common';
import { dependencyFailureOf, DependencyFailure, retryAfterSeconds } from './dependency-failure';
import { DOMAIN_PROBLEM_STATUS, DomainError } from './domain-error';
import { FieldError, translateViolations } from './field-messages';
import type { Language, LocalizedText } from './language';
import { ProblemException } from './problem.exception';
import { ValidationFailedException } from './validation-failed.exception';

/** An RFC 9457 problem details document, with this project's extension members. */
export interface ProblemDetails {
  /** URI identifying the kind of problem; `about:blank` when the HTTP status says it all. */
  type: string;
  /** Short, human-readable summary of the kind of problem, in the response's language. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** Explanation of this occurrence, in the response's language. */
  detail: string;
  /** The request path this problem occurred on. */
  instance: string;
  /** Stable machine-readable code, for domain, validation and authentication problems. */
  code?: string;
  /** Per-field messages when the request failed validation. */
  errors?: FieldError[];
  /** The correlation id of the request, to quote when reporting the problem. */
  correlationId?: string;
}

/** A problem response: the document plus headers it must be sent with. */
export interface ProblemResponse {
  body: ProblemDetails;
  headers: Record<string, string>;
}

/** What the mapper needs to know about the request. */
export interface ProblemContext {
  language: Language;
  instance: string;
  correlationId?: string;
}

/** Prefix of the `type` URI of problems this project defines (domain, validation, authentication). */
export const PROBLEM_TYPE_PREFIX = 'urn:grassroots-loop:problem:';

const TITLES: Record<number, LocalizedText> = {
  400: { 'zh-CN': '请求无效', en: 'Bad Request' },
  401: { 'zh-CN': '未登录或登录已失效', en: 'Unauthorized' },
  403: { 'zh-CN': '无权执行此操作', en: 'Forbidden' },
  404: { 'zh-CN': '未找到', en: 'Not Found' },
  405: { 'zh-CN': '不支持的请求方法', en: 'Method Not Allowed' },
  406: { 'zh-CN': '无法提供所需的格式', en: 'Not Acceptable' },
  409: { 'zh-CN': '操作冲突', en: 'Conflict' },
  413: { 'zh-CN': '请求内容过大', en: 'Content Too Large' },
  415: { 'zh-CN': '不支持的内容类型', en: 'Unsupported Media Type' },
  422: { 'zh-CN': '无法处理的请求', en: 'Unprocessable Content' },
  429: { 'zh-CN': '请求过于频繁', en: 'Too Many Requests' },
  500: { 'zh-CN': '服务器内部错误', en: 'Internal Server Error' },
  503: { 'zh-CN': '服务暂时不可用', en: 'Service Unavailable' },
};

const DETAILS: Record<number, LocalizedText> = {
  400: { 'zh-CN': '请求格式不正确。', en: 'The request is malformed.' },
  401: { 'zh-CN': '请先登录。', en: 'Authentication is required.' },
  403: { 'zh-CN': '你没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  404: { 'zh-CN': '请求的资源不存在。', en: 'The requested resource does not exist.' },
  413: {
    'zh-CN': '请求内容超过了允许的大小。',
    en: 'The request body is larger than this service accepts.',
  },
  415: {
    'zh-CN': '不支持此内容类型或字符集，请使用 UTF-8 编码的 JSON。',
    en: 'This content type or charset is not supported; send UTF-8 JSON.',
  },
  500: {
    'zh-CN': '服务器处理请求时出错，请稍后重试；如问题持续，请提供关联编号联系管理员。',
    en: 'The server failed to handle the request. Try again later; if it persists, report the correlation id.',
  },
};

const DEPENDENCY_DETAILS: Record<DependencyFailure, (seconds: number) => LocalizedText> = {
  unavailable: (seconds) => ({
    'zh-CN': `服务所依赖的数据库或消息系统暂时不可用，请求未被处理，请在 ${seconds} 秒后重试。`,
    en: `A database or messaging system this service depends on is briefly unavailable; the request was not carried out. Retry in ${seconds} s.`,
  }),
  conflict: (seconds) => ({
    'zh-CN': `请求与其他同时进行的操作冲突，未被处理，请在 ${seconds} 秒后重试。`,
    en: `The request collided with concurrent work and was not carried out. Retry in ${seconds} s.`,
  }),
  busy: (seconds) => ({
    'zh-CN': `服务当前繁忙，请求未被处理，请在 ${seconds} 秒后重试。`,
    en: `The service is busy and did not carry out the request. Retry in ${seconds} s.`,
  }),
};

const VALIDATION_TITLE: LocalizedText = { 'zh-CN': '提交的内容有误', en: 'Invalid request' };

/**
 * Maps anything thrown while handling an HTTP request to a problem document. Unknown errors become a
 * 500 whose text says nothing about the cause: stack traces and SQL belong in logs, not responses.
 */
export function toProblem(exception: unknown, context: ProblemContext): ProblemResponse {
  const base = {
    instance: context.instance,
    ...(context.correlationId && { correlationId: context.correlationId }),
  };
  const { language } = context;

  if (exception instanceof ValidationFailedException) {
    const errors = translateViolations(exception.violations, language);
    return problem({
      ...base,
      type: `${PROBLEM_TYPE_PREFIX}validation-failed`,
      title: VALIDATION_TITLE[language],
      status: HttpStatus.BAD_REQUEST,
      detail:
        language === 'en'
          ? `${errors.length} field${errors.length === 1 ? '' : 's'} failed validation.`
          : `有 ${errors.length} 处内容未通过校验。`,
      code: 'validation-failed',
      errors,
    });
  }

  if (exception instanceof DomainError) {
    const status = DOMAIN_PROBLEM_STATUS[exception.problemType];
    return problem({
      ...base,
      type: `${PROBLEM_TYPE_PREFIX}${exception.code}`,
      title: titleFor(status, language),
      status,
      detail: exception.userMessage?.[language] ?? exception.message,
      code: exception.code,
    });
  }

  if (exception instanceof ProblemException) {
    const status = exception.getStatus();
    return problem(
      {
        ...base,
        type: `${PROBLEM_TYPE_PREFIX}${exception.code}`,
        title: titleFor(status, language),
        status,
        detail: exception.detail[language],
        code: exception.code,
      },
      exception.headers,
    );
  }

  // A database, Redis or broker that is away is not a bug: the client is told when to try again.
  const dependencyFailure = dependencyFailureOf(exception);
  if (dependencyFailure) {
    const seconds = retryAfterSeconds(dependencyFailure);
    return problem(
      {
        ...base,
        type: `${PROBLEM_TYPE_PREFIX}dependency-${dependencyFailure}`,
        title: titleFor(HttpStatus.SERVICE_UNAVAILABLE, language),
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: DEPENDENCY_DETAILS[dependencyFailure](seconds)[language],
        code: `dependency-${dependencyFailure}`,
      },
      { 'Retry-After': String(seconds) },
    );
  }

  const status = statusOf(exception);
  if (status !== undefined && status < 500) {
    return problem({
      ...base,
      type: 'about:blank',
      title: titleFor(status, language),
      status,
      detail: detailFor(exception, status, language),
    });
  }

  const failure = status ?? HttpStatus.INTERNAL_SERVER_ERROR;
  return problem({
    ...base,
    type: 'about:blank',
    title: titleFor(failure, language),
    status: failure,
    detail: (DETAILS[failure] ?? DETAILS[500])[language],
  });
}

function problem(body: ProblemDetails, headers: Record<string, string> = {}): ProblemResponse {
  // The RFC members first, then the extensions: easier to read in a terminal.
  const { type, title, status, detail, instance, ...extensions } = body;
  return { body: { type, title, status, detail, instance, ...extensions }, headers };
}

function titleFor(status: number, language: Language): string {
  return TITLES[status]?.[language] ?? (language === 'en' ? `HTTP ${status}` : `请求失败（${status}）`);
}

// Nest's built-in exceptions and Express body-parser errors both carry a status; anything else is a bug.
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
}

// A client error's own message is shown when a service wrote one on purpose (`new ConflictException('…')`);
// Nest's stock texts ("Cannot GET /x", "Not Found") and parser internals are replaced by translated ones.
function detailFor(exception: unknown, status: number, language: Language): string {
  const stock = DETAILS[status]?.[language] ?? DETAILS[400][language];
  if (!(exception instanceof HttpException)) return stock;
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  // Nest adds `error` (the status phrase) only when a message was passed to the constructor.
  const { message, error } = response as { message?: unknown; error?: unknown };
  const isStockText = typeof message !== 'string' || error === undefined || /^Cannot [A-Z]+ \//.test(message);
  return isStockText ? stock : (message as string);
}
