import { EntityManager, QueryFailedError } from 'typeorm';
import { retryDelayMs, runTransaction, TransactionRunner } from './transaction-retry';

/** What node-postgres throws: an Error with the SQLSTATE on `code`. */
function postgresError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

/** What TypeORM throws for a failed query: the driver's error kept on `driverError`. */
function queryFailed(code: string, message: string): QueryFailedError {
  return new QueryFailedError('SELECT … FOR UPDATE', [], postgresError(code, message));
}

/**
 * A transaction runner that runs the work in each attempt and then, while `failures` lasts, rolls the
 * attempt back with the next error instead of committing — as PostgreSQL does to a deadlock victim.
 */
function fakeRunner(failures: unknown[]): TransactionRunner & { attempts: number; committed: number } {
  const runner = {
    attempts: 0,
    committed: 0,
    async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      runner.attempts += 1;
      const result = await work({} as EntityManager);
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      runner.committed += 1;
      return result;
    },
  };
  return runner;
}

const pauses: number[] = [];
const instant = { pause: async (ms: number) => void pauses.push(ms), random: () => 0.5 };

beforeEach(() => {
  pauses.length = 0;
});

describe('runTransaction', () => {
  it('runs the work once and returns its result when nothing conflicts', async () => {
    const runner = fakeRunner([]);

    await expect(runTransaction(runner, async () => 'ticket confirmed', instant)).resolves.toBe(
      'ticket confirmed',
    );
    expect(runner.attempts).toBe(1);
    expect(pauses).toEqual([]);
  });

  it('runs the whole transaction again when the confirmation was chosen as the deadlock victim', async () => {
    const runner = fakeRunner([postgresError('40P01', 'deadlock detected')]);
    let workRuns = 0;

    const outcome = await runTransaction(
      runner,
      async () => {
        workRuns += 1;
        return 'ticket confirmed';
      },
      instant,
    );

    expect(outcome).toBe('ticket confirmed');
    expect(workRuns).toBe(2);
    expect(runner.committed).toBe(1);
  });

  it('sees the deadlock through the QueryFailedError TypeORM wraps it in', async () => {
    const runner = fakeRunner([queryFailed('40P01', 'deadlock detected')]);

    await expect(runTransaction(runner, async () => 'accepted', instant)).resolves.toBe('accepted');
    expect(runner.attempts).toBe(2);
  });

  it('runs the transaction again after a serialization failure', async () => {
    const runner = fakeRunner([
      queryFailed('40001', 'could not serialize access due to concurrent update'),
      postgresError('40001', 'could not serialize access due to concurrent update'),
    ]);

    await expect(runTransaction(runner, async () => 'signed up', instant)).resolves.toBe('signed up');
    expect(runner.attempts).toBe(3);
  });

  it('pauses a little longer before each further attempt', async () => {
    const runner = fakeRunner([
      postgresError('40P01', 'deadlock detected'),
      postgresError('40P01', 'deadlock detected'),
      postgresError('40P01', 'deadlock detected'),
    ]);

    await runTransaction(runner, async () => 'done', instant);

    expect(pauses).toEqual([10, 20, 40]);
  });

  it('does not retry a refused action, a broken constraint or a lost connection', async () => {
    const refusal = new Error('only the resident may confirm the ticket');
    const duplicate = queryFailed('23505', 'duplicate key value violates unique constraint');
    const connectionLost = postgresError('57P01', 'terminating connection due to administrator command');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });

    for (const error of [refusal, duplicate, connectionLost, refused]) {
      const runner = fakeRunner([error]);
      await expect(runTransaction(runner, async () => 'never', instant)).rejects.toBe(error);
      expect(runner.attempts).toBe(1);
    }
    expect(pauses).toEqual([]);
  });

  it('gives up after four attempts and rethrows the last deadlock', async () => {
    const deadlocks = [1, 2, 3, 4, 5].map((n) => queryFailed('40P01', `deadlock detected (${n})`));
    const runner = fakeRunner([...deadlocks]);

    await expect(runTransaction(runner, async () => 'never', instant)).rejects.toBe(deadlocks[3]);
    expect(runner.attempts).toBe(4);
  });

  it('honours a different bound on the attempts', async () => {
    const deadlocks = [1, 2].map((n) => postgresError('40P01', `deadlock detected (${n})`));
    const runner = fakeRunner([...deadlocks]);

    await expect(runTransaction(runner, async () => 'never', { ...instant, attempts: 2 })).rejects.toBe(
      deadlocks[1],
    );
    expect(runner.attempts).toBe(2);
  });

  it('rethrows the error of the last attempt when a conflict is followed by a refusal', async () => {
    const refusal = new Error('the ticket was cancelled meanwhile');
    const runner = fakeRunner([postgresError('40P01', 'deadlock detected'), refusal]);

    await expect(runTransaction(runner, async () => 'never', instant)).rejects.toBe(refusal);
    expect(runner.attempts).toBe(2);
  });
});

describe('retryDelayMs', () => {
  it('draws the pause from a bound that doubles with each retry', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, {}, () => 0.999))).toEqual([19, 39, 79, 159]);
  });

  it('never pauses longer than the cap, however many retries', () => {
    expect(retryDelayMs(20, { baseDelayMs: 20, maxDelayMs: 200 }, () => 0.999)).toBe(199);
  });

  it('may retry at once when the jitter draws zero', () => {
    expect(retryDelayMs(3, {}, () => 0)).toBe(0);
  });
});
