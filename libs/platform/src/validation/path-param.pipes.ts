import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isAccountId } from '@loop/contracts';
import { ValidationFailedException } from '../errors/validation-failed.exception';

/**
 * Checks a path parameter that names an account (a member, a staff member: `m-0114`) against the
 * account id pattern before it reaches SQL, answering 400 with the parameter named otherwise. Use it
 * as `@Param('memberId', ParseAccountIdPipe)`; ids that are UUIDs use Nest's `ParseUUIDPipe`.
 */
@Injectable()
export class ParseAccountIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (!isAccountId(value)) {
      throw new ValidationFailedException([
        {
          field: metadata.data ?? 'id',
          code: 'isAccountId',
          params: [],
          fallback: 'must be a valid account id',
        },
      ]);
    }
    return value as string;
  }
}
