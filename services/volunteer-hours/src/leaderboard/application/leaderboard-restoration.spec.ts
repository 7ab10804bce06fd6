import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { LeaderboardProjector } from './leaderboard.projector';
import { LeaderboardRestoration } from './leaderboard-restoration';

/**
 * The restoration with the client's connection events and the projector's missed writes in the test's
 * hands, and the ledger's answers to restoration passes queued.
 */
function restorationWith(...outcomes: Array<'restored' | Error>) {
  const redis = new EventEmitter();
  const passes: AbortSignal[] = [];
  const restoreFromLedger = jest.fn(async (signal: AbortSignal) => {
    passes.push(signal);
    const outcome = outcomes.shift() ?? 'restored';
    if (outcome instanceof Error) throw outcome;
    return { members: 3 };
  });
  const projector = { restoreFromLedger, missedWrites: 0 };
  const restoration = new LeaderboardRestoration(redis, projector as unknown as LeaderboardProjector);
  restoration.onModuleInit();
  return { redis, projector, restoration, restoreFromLedger, passes };
}

const ledgerAway = () => new Error('Connection terminated unexpectedly');

describe('restoring the leaderboards after Redis was away', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sets every board from the ledger again once Redis is ready after losing its connection', async () => {
    const { redis, restoreFromLedger } = restorationWith();
    redis.emit('close');
    redis.emit('close');
    expect(restoreFromLedger).not.toHaveBeenCalled();

    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(1);

    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(1);
  });

  it('leaves the boards alone when Redis connects for the first time', async () => {
    const { redis, restoreFromLedger } = restorationWith();
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(restoreFromLedger).not.toHaveBeenCalled();
  });

  it('restores the boards when writes were missed before Redis was first ready', async () => {
    const { redis, projector, restoreFromLedger } = restorationWith();
    projector.missedWrites = 2;
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(1);
  });

  it('tries again with growing pauses while the ledger cannot be read', async () => {
    const { redis, restoreFromLedger } = restorationWith(ledgerAway(), ledgerAway());
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(500);
    expect(restoreFromLedger).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    expect(restoreFromLedger).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    expect(restoreFromLedger).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(restoreFromLedger).toHaveBeenCalledTimes(3);
  });

  it('tries again at once when Redis is ready again while it waits to', async () => {
    const { redis, restoreFromLedger } = restorationWith(new Error('MaxRetriesPerRequestError'));
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(2);
  });

  it('restores once more when Redis is lost again while a restoration is under way', async () => {
    const { redis, restoreFromLedger } = restorationWith();
    let finishFirstPass!: (value: { members: number }) => void;
    restoreFromLedger.mockImplementationOnce(
      () => new Promise<{ members: number }>((resolve) => (finishFirstPass = resolve)),
    );
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    redis.emit('close');
    redis.emit('ready');
    finishFirstPass({ members: 3 });
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(2);
  });

  it('stops trying when the service shuts down', async () => {
    const { redis, restoration, restoreFromLedger, passes } = restorationWith(ledgerAway());
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    await restoration.onModuleDestroy();
    expect(passes[0].aborted).toBe(true);
    await jest.advanceTimersByTimeAsync(60_000);
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(0);
    expect(restoreFromLedger).toHaveBeenCalledTimes(1);
  });
});
