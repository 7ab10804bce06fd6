import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { classifyFailure } from './failure-classification';
import { RetriableError } from './retriable.error';

function databaseError(code: string): QueryFailedError {
  return new QueryFailedError('UPDATE …', [], Object.assign(new Error('driver says no'), { code }));
}

function namedError(name: string, message = 'failed', extra: object = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('classifyFailure', () => {
  it('retries a bounded number of times what a handler declares transient, and statement or lock timeouts', () => {
    expect(classifyFailure(new RetriableError('directory service busy'))).toBe('transient');
    expect(classifyFailure(databaseError('57014'))).toBe('transient');
    expect(classifyFailure(databaseError('55P03'))).toBe('transient');
  });

  it('waits out serialization failures and deadlocks, which succeed when the transaction is run again', () => {
    expect(classifyFailure(databaseError('40001'))).toBe('dependency');
    expect(classifyFailure(databaseError('40P01'))).toBe('dependency');
  });

  it('waits out every way a PostgreSQL restart shows itself, never parking the message', () => {
    const restartSymptoms: unknown[] = [
      databaseError('57P01'),
      databaseError('57P03'),
      databaseError('08006'),
      databaseError('53300'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('terminating connection due to administrator command'),
      // TypeORM's own classes, so a renamed error would fail here rather than park events.
      new QueryRunnerProviderAlreadyReleasedError(),
      new QueryRunnerAlreadyReleasedError(),
    ];
    expect(restartSymptoms.map(classifyFailure)).toEqual(restartSymptoms.map(() => 'dependency'));
  });

  it('waits out Redis and Kafka being away', () => {
    expect(classifyFailure(namedError('MaxRetriesPerRequestError'))).toBe('dependency');
    expect(classifyFailure(new Error('Connection is closed.'))).toBe('dependency');
    expect(classifyFailure(namedError('KafkaJSConnectionError', 'Connection error: ECONNREFUSED'))).toBe(
      'dependency',
    );
    expect(
      classifyFailure(
        namedError('KafkaJSProtocolError', 'This server is not the leader', { retriable: true }),
      ),
    ).toBe('dependency');
  });

  it('finds the cause of an error that wraps another', () => {
    const wrapped = new Error('could not store the notification', {
      cause: namedError('QueryRunnerProviderAlreadyReleasedError'),
    });
    expect(classifyFailure(wrapped)).toBe('dependency');
    expect(
      classifyFailure(
        namedError('KafkaJSNumberOfRetriesExceeded', 'retries exceeded', {
          originalError: namedError('KafkaJSConnectionError'),
        }),
      ),
    ).toBe('dependency');
  });

  it('parks bugs and broken rules at once', () => {
    expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'gridId')"))).toBe(
      'permanent',
    );
    expect(classifyFailure(databaseError('23505'))).toBe('permanent');
    expect(
      classifyFailure(namedError('KafkaJSProtocolError', 'Topic authorization failed', { retriable: false })),
    ).toBe('permanent');
  });
});
