import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_TYPE_PREFIX } from '../errors/problem-details.mapper';

/** One field that failed validation, as the `errors` of a problem lists it. */
export class FieldErrorDto {
  @ApiProperty({ description: 'Dotted path of the field', example: 'address.building' })
  field: string;

  @ApiProperty({
    description: 'The message in the response’s language, without the field name',
    example: '长度不能超过 200 个字符',
  })
  message: string;

  @ApiProperty({ description: 'The constraint that failed', example: 'maxLength' })
  code: string;
}

/**
 * An RFC 9457 problem (`application/problem+json`), as every service answers every failure: zh-CN, or
 * English with Accept-Language: en. Clients branch on `code`, never on the text.
 */
export class ProblemResponseDto {
  @ApiProperty({
    description: `URI of the kind of problem (${PROBLEM_TYPE_PREFIX}<code>), or about:blank when the status says it all`,
    example: `${PROBLEM_TYPE_PREFIX}validation-failed`,
  })
  type: string;

  @ApiProperty({ description: 'Short summary of the kind of problem', example: '提交的内容有误' })
  title: string;

  @ApiProperty({ type: 'integer', description: 'The HTTP status code', example: 400 })
  status: number;

  @ApiProperty({ description: 'What went wrong this time', example: '有 1 处内容未通过校验。' })
  detail: string;

  @ApiProperty({ description: 'The request path', example: '/tickets' })
  instance: string;

  @ApiPropertyOptional({
    description: 'Stable machine-readable code of domain, validation and authentication problems',
    example: 'validation-failed',
  })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Per-field messages when validation failed' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    description: 'The request’s correlation id, to quote when reporting the problem',
    example: '4f0c2a8e-7b1d-4c55-9d0e-2f1a3b4c5d6e',
  })
  correlationId?: string;
}
