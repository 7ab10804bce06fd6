import {
  ConflictException,
  ForbiddenException,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { ArrayMaxSize, IsEnum, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ProblemException } from './problem.exception';
import { PROBLEM_TYPE_PREFIX, ProblemContext, toProblem } from './problem-details.mapper';
import { ValidationFailedException } from './validation-failed.exception';

const zh: ProblemContext = { language: 'zh-CN', instance: '/tickets', correlationId: 'c-1' };
const en: ProblemContext = { language: 'en', instance: '/tickets', correlationId: 'c-1' };

enum Urgency {
  Normal = 'normal',
  Urgent = 'urgent',
}

class AddressDto {
  @IsString()
  building!: string;
}

class SubmitTicketDto {
  @MaxLength(5)
  title!: string;

  @IsEnum(Urgency)
  urgency!: string;

  @ArrayMaxSize(2)
  photos!: string[];

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

class OfferAlreadyTakenError extends DomainError {
  readonly code = 'offer.already-taken';
  readonly problemType = 'conflict';

  constructor() {
    super('offer o-1 was already accepted', {
      'zh-CN': '该任务已被其他党员接单',
      en: 'Another member has already accepted this task',
    });
  }
}

class TicketNotFoundError extends DomainError {
  readonly code = 'ticket.not-found';
  readonly problemType = 'not-found';
}

class RatingBeforeResolutionError extends DomainError {
  readonly code = 'ticket.not-resolved';
  readonly problemType = 'rule-violated';
}

function invalidTicket(): ValidationFailedException {
  const dto = Object.assign(new SubmitTicketDto(), {
    title: 'a broken stairwell light',
    urgency: 'whenever',
    photos: ['a', 'b', 'c'],
    address: Object.assign(new AddressDto(), { building: 7 }),
  });
  return ValidationFailedException.fromValidationErrors(validateSync(dto));
}

describe('toProblem', () => {
  it('lists validation failures per field in zh-CN with the constraint arguments filled in', () => {
    const { body } = toProblem(invalidTicket(), zh);

    expect(body).toMatchObject({
      type: `${PROBLEM_TYPE_PREFIX}validation-failed`,
      title: '提交的内容有误',
      status: 400,
      detail: '有 4 处内容未通过校验。',
      instance: '/tickets',
      correlationId: 'c-1',
    });
    expect(body.errors).toEqual([
      { field: 'title', code: 'maxLength', message: '长度不能超过 5 个字符' },
      { field: 'urgency', code: 'isEnum', message: '必须是以下之一：normal、urgent' },
      { field: 'photos', code: 'arrayMaxSize', message: '最多 2 项' },
      { field: 'address.building', code: 'isString', message: '必须是文本' },
    ]);
  });

  it('lists the same validation failures in English when English is asked for', () => {
    const { body } = toProblem(invalidTicket(), en);

    expect(body.title).toBe('Invalid request');
    expect(body.detail).toBe('4 fields failed validation.');
    expect(body.errors?.map((error) => error.message)).toEqual([
      'must be at most 5 characters long',
      'must be one of: normal, urgent',
      'must contain at most 2 items',
      'must be text',
    ]);
  });

  it('reports a field the DTO does not declare as not allowed', () => {
    const exception = new ValidationFailedException([
      {
        field: 'isAdmin',
        code: 'whitelistValidation',
        params: [],
        fallback: 'property isAdmin should not exist',
      },
    ]);

    expect(toProblem(exception, zh).body.errors).toEqual([
      { field: 'isAdmin', code: 'whitelistValidation', message: '不允许提交此字段' },
    ]);
  });

  it('falls back to class-validator English, or a generic zh-CN text, for untranslated constraints', () => {
    const exception = new ValidationFailedException([
      {
        field: 'idCard',
        code: 'isIdentityCard',
        params: [],
        fallback: 'idCard must be an identity card number',
      },
    ]);

    expect(toProblem(exception, en).body.errors?.[0].message).toBe('idCard must be an identity card number');
    expect(toProblem(exception, zh).body.errors?.[0].message).toBe('取值无效');
  });

  it('uses a service rule’s own message in the language asked for', () => {
    const violation = {
      field: 'workdays.0',
      code: 'publicHolidays.workdayNotWeekend',
      params: ['2026-10-09'],
      fallback: '2026-10-09 is a weekday',
      text: { 'zh-CN': '2026-10-09 是工作日', en: '2026-10-09 is a weekday' },
    };
    const exception = new ValidationFailedException([violation]);
    expect(toProblem(exception, zh).body.errors).toEqual([
      { field: 'workdays.0', code: 'publicHolidays.workdayNotWeekend', message: '2026-10-09 是工作日' },
    ]);
    expect(toProblem(exception, en).body.errors?.[0].message).toBe('2026-10-09 is a weekday');
  });

  it('maps a conflict domain error to 409 with its code and localized message', () => {
    const { body } = toProblem(new OfferAlreadyTakenError(), zh);

    expect(body).toEqual({
      type: `${PROBLEM_TYPE_PREFIX}offer.already-taken`,
      title: '操作冲突',
      status: 409,
      detail: '该任务已被其他党员接单',
      instance: '/tickets',
      code: 'offer.already-taken',
      correlationId: 'c-1',
    });
    expect(toProblem(new OfferAlreadyTakenError(), en).body.detail).toBe(
      'Another member has already accepted this task',
    );
  });

  it('maps not-found and rule-violated domain errors to 404 and 422', () => {
    expect(toProblem(new TicketNotFoundError('ticket t-9 does not exist'), en).body).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'ticket t-9 does not exist',
    });
    expect(toProblem(new RatingBeforeResolutionError('ticket is not resolved'), zh).body).toMatchObject({
      status: 422,
      title: '无法处理的请求',
    });
  });

  it('keeps a problem exception’s headers and picks its detail by language', () => {
    const exception = new ProblemException(
      401,
      'auth.token-missing',
      { 'zh-CN': '请先登录', en: 'Sign in first' },
      { 'WWW-Authenticate': 'Bearer' },
    );

    const { body, headers } = toProblem(exception, zh);

    expect(body).toMatchObject({
      status: 401,
      title: '未登录或登录已失效',
      detail: '请先登录',
      code: 'auth.token-missing',
    });
    expect(headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it('translates Nest’s stock texts but keeps messages a service wrote on purpose', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'), zh).body).toMatchObject({
      type: 'about:blank',
      status: 404,
      title: '未找到',
      detail: '请求的资源不存在。',
    });
    expect(toProblem(new ForbiddenException(), en).body.detail).toBe('You are not allowed to do this.');
    expect(toProblem(new ConflictException('ticket already closed'), en).body.detail).toBe(
      'ticket already closed',
    );
    expect(toProblem(new PayloadTooLargeException(), en).body.title).toBe('Content Too Large');
  });

  it('maps a body-parser failure to a 400 without quoting the parser', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      status: 400,
    });

    const { body } = toProblem(parserError, en);

    expect(body).toMatchObject({ status: 400, detail: 'The request is malformed.' });
  });

  it('tells the caller in both languages that a body over the size limit is too large', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
    });

    expect(toProblem(tooLarge, en).body).toMatchObject({
      status: 413,
      detail: 'The request body is larger than this service accepts.',
    });
    expect(toProblem(tooLarge, zh).body).toMatchObject({ status: 413, detail: '请求内容超过了允许的大小。' });
  });

  it('answers 503 with Retry-After when PostgreSQL is restarting, saying nothing about its internals', () => {
    const restarting = new QueryFailedError(
      'INSERT INTO ticket …',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    const { body, headers } = toProblem(restarting, zh);
    expect(body).toMatchObject({
      status: 503,
      type: `${PROBLEM_TYPE_PREFIX}dependency-unavailable`,
      code: 'dependency-unavailable',
      title: '服务暂时不可用',
    });
    expect(body.detail).toContain('5 秒后重试');
    expect(body.detail).not.toContain('INSERT');
    expect(headers).toEqual({ 'Retry-After': '5' });
  });

  it('answers 503 for a released query runner, an unreachable Redis and a deadlock that outlasted its retries', () => {
    const cases = [
      Object.assign(new Error('Query runner already released.'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
      Object.assign(new Error('Reached the max retries per request limit'), {
        name: 'MaxRetriesPerRequestError',
      }),
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    ];
    expect(cases.map((error) => toProblem(error, en))).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({ status: 503 }),
        headers: { 'Retry-After': '5' },
      }),
      expect.objectContaining({
        body: expect.objectContaining({ status: 503 }),
        headers: { 'Retry-After': '5' },
      }),
      expect.objectContaining({
        body: expect.objectContaining({ status: 503, code: 'dependency-conflict' }),
        headers: { 'Retry-After': '1' },
      }),
    ]);
  });

  it('turns an unknown error into a 500 that reveals nothing about it', () => {
    const { body } = toProblem(new Error('relation "tickets" does not exist'), en);

    expect(body).toMatchObject({ type: 'about:blank', status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(body)).not.toContain('does not exist');
  });
});
