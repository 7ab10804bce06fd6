import { ValidationFailedException } from '../errors/validation-failed.exception';
import { ParseAccountIdPipe } from './path-param.pipes';

describe('ParseAccountIdPipe', () => {
  const pipe = new ParseAccountIdPipe();
  const metadata = { type: 'param' as const, data: 'memberId' };

  it('passes an account id such as a member id through unchanged', () => {
    expect(pipe.transform('m-0114', metadata)).toBe('m-0114');
  });

  it('refuses garbage, phone numbers and empty ids with a violation naming the parameter', () => {
    for (const value of ["m-1' OR 1=1", '13800138000', '', 'a'.repeat(200)]) {
      let thrown: unknown;
      try {
        pipe.transform(value, metadata);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationFailedException);
      expect((thrown as ValidationFailedException).violations).toEqual([
        expect.objectContaining({ field: 'memberId', code: 'isAccountId' }),
      ]);
    }
  });
});
