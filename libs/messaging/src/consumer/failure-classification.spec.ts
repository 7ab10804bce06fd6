import { QueryFailedError } from 'typeorm';
import { classifyFailure } from './failure-classification';
import { RetriableError } from './retriable.error';

function databaseError(code: string): QueryFailedError {
  return new QueryFailedError('UPDATE …', [], Object.assign(new Error('driver says no'), { code }));
}

describe('classifyFailure', () => {
  it('retries what a handler declares transient', () => {
    expect(classifyFailure(new RetriableError('directory service busy'))).toBe('transient');
  });

  it('retries serialization failures and deadlocks, which succeed when the transaction is run again', () => {
    expect(classifyFailure(databaseError('40001'))).toBe('transient');
    expect(classifyFailure(databaseError('40P01'))).toBe('transient');
  });

  it('holds the message without parking it when the database is unreachable', () => {
    expect(classifyFailure(databaseError('57P01'))).toBe('infrastructure');
    expect(
      classifyFailure(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe('infrastructure');
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBe('infrastructure');
  });

  it('parks bugs and broken rules at once', () => {
    expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'gridId')"))).toBe(
      'permanent',
    );
    expect(classifyFailure(databaseError('23505'))).toBe('permanent');
  });
});
