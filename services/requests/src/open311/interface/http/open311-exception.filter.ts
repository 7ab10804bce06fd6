import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  dependencyFailureOf,
  DomainError,
  Language,
  preferredLanguage,
  ProblemException,
  retryAfterSeconds,
} from '@loop/platform';
import type { Request, Response } from 'express';
import { CategoryNotAvailableError, FilingNotAllowedError } from '../../../ticket/domain/ticket.errors';
import { Open311Error, Open311ErrorEntry, Open311Status, outsideScope } from '../../domain/open311.errors';
import { errorsXml } from '../../domain/georeport-xml.mapper';

const serviceBusy = {
  'zh-CN': '服务暂时繁忙或正在恢复，请按 Retry-After 稍后重试。',
  en: 'The service is busy or recovering; retry after the time Retry-After gives.',
};

const generalServiceError = {
  'zh-CN': '服务暂时无法处理该请求，请稍后重试；如仍失败请联系区管理员。',
  en: 'General service error: the request could not be processed; retry later, and tell the district if it persists.',
};

/**
 * Answers every failure of a GeoReport v2 route as the specification does: a list of { code,
 * description } (an <errors> document for .xml) with 404, 403, 429 or 400 — never problem+json, so a
 * civic client handles one error shape. A dependency that is away or busy (a database restart, load
 * shedding) is 503 with Retry-After, so the client retries what was not done; any other fault of ours is
 * logged and answered 400 ("general service error"), as the specification asks.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = preferredLanguage(request.headers['accept-language']);
    const error = this.asOpen311(exception);
    if (error.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    const format = request.params?.format;
    sendErrors(
      response,
      typeof format === 'string' ? format : undefined,
      error.status,
      error.entries(language),
    );
  }

  private asOpen311(exception: unknown): Open311Error {
    if (exception instanceof Open311Error) return exception;
    if (exception instanceof FilingNotAllowedError) return outsideScope();
    if (exception instanceof CategoryNotAvailableError) {
      return new Open311Error(404, exception.userMessage ?? textOf(exception.message));
    }
    if (exception instanceof DomainError) {
      const status: Open311Status =
        exception.problemType === 'not-found' ? 404 : exception.problemType === 'forbidden' ? 403 : 400;
      return new Open311Error(status, exception.userMessage ?? textOf(exception.message));
    }
    const dependencyFailure = dependencyFailureOf(exception);
    if (dependencyFailure) {
      return new Open311Error(503, serviceBusy, retryAfterSeconds(dependencyFailure));
    }
    if (exception instanceof ProblemException) {
      const status = exception.getStatus();
      const retryAfter = Number(exception.headers['Retry-After']);
      return new Open311Error(
        status === 403 || status === 404 || status === 429 || status === 503 ? status : 400,
        exception.detail,
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
    }
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      return new Open311Error(404, textOf(exception.message));
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return new Open311Error(400, textOf(exception.message));
    }
    this.logger.error({ err: exception }, 'an Open311 request failed');
    return new Open311Error(400, generalServiceError);
  }
}

/** Writes GeoReport errors in the route's format (JSON unless the path asked for .xml). */
export function sendErrors(
  response: Response,
  format: string | undefined,
  status: number,
  entries: Open311ErrorEntry[],
): void {
  if (format === 'xml') {
    response.status(status).type('text/xml; charset=utf-8').send(errorsXml(entries));
  } else {
    response.status(status).type('application/json; charset=utf-8').send(JSON.stringify(entries));
  }
}

function textOf(message: string): Record<Language, string> {
  return { 'zh-CN': message, en: message };
}
