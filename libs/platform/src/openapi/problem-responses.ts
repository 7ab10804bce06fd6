import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_JSON } from '../errors/problem-details.filter';
import { ProblemResponseDto } from './problem-response.dto';

// The ProblemDetailsFilter answers every failure of every route with the same problem+json document, so
// the API document says so once, here, rather than on each of a controller's error responses.

/** The models the problem responses refer to: pass as `extraModels` when building a document. */
export const problemModels = [ProblemResponseDto];

function problemContent(): ResponseObject['content'] {
  return { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemResponseDto) } } };
}

/** Documents a problem+json response of a route, e.g. `@ApiProblemResponse(409, 'Already accepted')`. */
export function ApiProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponseDto),
    ApiResponse({ status, description, content: problemContent() }),
  );
}

const unauthorized: ResponseObject = {
  description: 'No bearer token, or one that is invalid or expired (WWW-Authenticate says which)',
};

const badRequest: ResponseObject = {
  description: 'The body or query failed validation (`errors` names each field), or the body is not JSON',
};

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((pathItem) =>
    httpMethods.flatMap((method) => (pathItem[method] ? [pathItem[method]] : [])),
  );
}

function requiresToken(operation: OperationObject, document: OpenAPIObject): boolean {
  const security = operation.security ?? document.security ?? [];
  return security.some((requirement) => Object.keys(requirement).length > 0);
}

function validatesInput(operation: OperationObject): boolean {
  return (
    operation.requestBody !== undefined ||
    (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in === 'query')
  );
}

/**
 * Completes the error responses of every operation: 401 where a token is required (the authentication
 * guard), 400 where a body or query is validated (the validation pipe), and the problem+json body on
 * every 4xx and 5xx response that does not name one.
 */
export function documentProblemResponses(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    const responses = operation.responses as Record<string, ResponseObject>;
    if (requiresToken(operation, document)) responses['401'] ??= { ...unauthorized };
    if (validatesInput(operation)) responses['400'] ??= { ...badRequest };
    for (const [status, response] of Object.entries(responses)) {
      if (/^[45]\d\d$/.test(status) && !response.content) response.content = problemContent();
    }
  }
}
