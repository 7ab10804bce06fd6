import { applyDecorators } from '@nestjs/common';
import { ApiProblemResponse } from '@loop/platform';

const descriptions: Record<number, string> = {
  400: 'The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en).',
  401: 'No valid bearer token.',
  403: 'The token lacks the required role.',
  404: 'Not found, or not the caller’s.',
  422: 'Well-formed but refused by a rule, e.g. a webhook whose host is not a public address.',
};

/** Documents the problem+json responses a route can give. */
export function ApiProblemResponses(
  ...statuses: Array<400 | 401 | 403 | 404 | 422>
): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiProblemResponse(status, descriptions[status])));
}
