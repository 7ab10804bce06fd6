import { applyDecorators } from '@nestjs/common';
import { ApiProblemResponse } from '@loop/platform';

const descriptions: Record<number, string> = {
  400: 'The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en)',
  401: 'No valid bearer token',
  403: 'Outside the caller’s roles or scope',
  404: 'No such member or activity (or not visible)',
  409: 'Conflicts with the current state',
  422: 'Breaks a business rule',
  429: 'Too many attempts in the rate-limit window; Retry-After says when to try again',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(
  ...statuses: Array<400 | 401 | 403 | 404 | 409 | 422 | 429>
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiProblemResponse(status, descriptions[status])),
    ApiProblemResponse(500, 'Unexpected failure (nothing about the cause is disclosed)'),
  );
}
