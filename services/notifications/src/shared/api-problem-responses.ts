import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

/** One field that failed validation. */
export class FieldErrorDto {
  @ApiProperty({ example: 'quietHours.start' })
  field: string;

  @ApiProperty({ example: '格式不正确' })
  message: string;

  @ApiProperty({ example: 'matches' })
  code: string;
}

/** An RFC 9457 problem, as every error of this service is returned (`application/problem+json`). */
export class ProblemResponseDto {
  @ApiProperty({ example: 'urn:grassroots-loop:problem:notification.not-found' })
  type: string;

  @ApiProperty({ example: '未找到该通知' })
  title: string;

  @ApiProperty({ example: 404 })
  status: number;

  @ApiProperty({ example: '未找到该通知' })
  detail: string;

  @ApiProperty({ example: '/me/notifications/0195a1b4-2c3d-7e4f-8a5b-6c7d8e9f0a1b/read' })
  instance: string;

  @ApiProperty({ example: 'notification.not-found' })
  code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on validation failures (400).' })
  errors?: FieldErrorDto[];

  @ApiProperty({ example: '4f0c2a8e-7b1d-4c55-9d0e-2f1a3b4c5d6e' })
  correlationId: string;
}

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
  return applyDecorators(
    ApiExtraModels(ProblemResponseDto, FieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: descriptions[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponseDto) } } },
      }),
    ),
  );
}
