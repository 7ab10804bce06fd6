import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One field that failed validation. */
class FieldProblemDto {
  @ApiProperty({ example: 'minutes' })
  field: string;

  @ApiProperty({ example: '不能等于 0' })
  message: string;

  @ApiProperty({ example: 'notEquals' })
  code: string;
}

/** RFC 9457 problem details, as every error of this service is answered. */
export class ProblemResponseDto {
  @ApiProperty({ example: 'urn:grassroots-loop:problem:activity.already-signed-up' })
  type: string;

  @ApiProperty({ example: '操作冲突' })
  title: string;

  @ApiProperty({ example: 409 })
  status: number;

  @ApiProperty({ example: '您已报名该活动' })
  detail: string;

  @ApiProperty({ example: '/activities/b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b/sign-ups' })
  instance: string;

  @ApiProperty({ example: 'activity.already-signed-up' })
  code: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Field-level messages (400 only)' })
  errors?: FieldProblemDto[];

  @ApiProperty({ example: '4f0c2a9e-6a1d-4c55-9a43-0e6b1f6d2c11' })
  correlationId: string;
}

const descriptions: Record<number, string> = {
  400: 'The request is malformed; `errors` names each field (zh-CN, or English with Accept-Language: en)',
  401: 'No valid bearer token',
  403: 'Outside the caller’s roles or scope',
  404: 'No such member or activity (or not visible)',
  409: 'Conflicts with the current state',
  422: 'Breaks a business rule',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(
  ...statuses: Array<400 | 401 | 403 | 404 | 409 | 422>
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: descriptions[status],
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponseDto' } },
        },
      }),
    ),
    // Registers the schema so the $ref above resolves.
    ApiResponse({
      status: 500,
      description: 'Unexpected failure (nothing about the cause is disclosed)',
      type: ProblemResponseDto,
    }),
  );
}
