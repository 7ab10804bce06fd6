import { EventEnvelope } from '@loop/contracts';
import { OutboxBuffer, UnitOfWork } from '@loop/messaging';
import { EntityManager } from 'typeorm';
import { LeaderboardProjector } from '../../leaderboard/application/leaderboard.projector';
import { ChainHead, GENESIS_HASH, verifyChain } from '../domain/ledger-chain';
import { LedgerEntry, LedgerEntryDraft, LedgerEntryKind } from '../domain/ledger-entry';
import { LedgerInvariantError } from '../domain/ledger.errors';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';
import { LedgerAppender } from './ledger-appender';

/** The ledger repository in memory: same contract, no database. */
class InMemoryLedger {
  readonly entries: LedgerEntry[] = [];

  async lockHead(_manager: EntityManager, memberId: string): Promise<ChainHead> {
    const mine = this.entries.filter((entry) => entry.memberId === memberId);
    const last = mine[mine.length - 1];
    return last
      ? { lastSequence: last.sequence, lastHash: last.hash }
      : { lastSequence: 0, lastHash: GENESIS_HASH };
  }

  async append(_manager: EntityManager, entry: LedgerEntry): Promise<void> {
    this.entries.push(entry);
  }

  async findByCause(
    _manager: EntityManager,
    kind: LedgerEntryKind,
    eventId: string,
  ): Promise<LedgerEntry | null> {
    return this.entries.find((entry) => entry.kind === kind && entry.causedByEventId === eventId) ?? null;
  }

  async findById(_manager: EntityManager, id: string): Promise<LedgerEntry | null> {
    return this.entries.find((entry) => entry.id === id) ?? null;
  }

  async isReversed(_manager: EntityManager, entryId: string): Promise<boolean> {
    return this.entries.some((entry) => entry.reversesEntryId === entryId);
  }
}

const manager = {} as EntityManager;
const clock = { now: () => new Date('2025-03-01T06:00:02.000Z') };
const causingEventId = '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f';

function credit(id: string, cause: string, minutes = 40): Omit<LedgerEntryDraft, 'recordedAt'> {
  return {
    id,
    memberId: 'member-1',
    kind: 'credit',
    minutes,
    unitId: null,
    communityId: null,
    source: { kind: 'ticket', id: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' },
    assignmentId: null,
    causedByEventId: cause,
    causedByEventType: 'ticket.confirmed',
    reversesEntryId: null,
    reason: null,
    verifiedBy: { role: 'resident', id: 'resident-1' },
    occurredAt: new Date('2025-03-01T06:00:00.000Z'),
  };
}

function reversal(id: string, cause: string, of: LedgerEntry): Omit<LedgerEntryDraft, 'recordedAt'> {
  return {
    ...credit(id, cause),
    kind: 'reversal',
    minutes: -of.minutes,
    reversesEntryId: of.id,
    causedByEventType: 'ticket.reopened',
    reason: 'ticket_reopened',
  };
}

describe('the ledger appender', () => {
  let ledger: InMemoryLedger;
  let published: EventEnvelope[];
  let appender: LedgerAppender;
  let unit: UnitOfWork;

  beforeEach(() => {
    ledger = new InMemoryLedger();
    published = [];
    const outbox = { add: (...events: EventEnvelope[]) => void published.push(...events) } as OutboxBuffer;
    const leaderboards = { refreshMember: async () => undefined } as unknown as LeaderboardProjector;
    appender = new LedgerAppender(ledger as unknown as LedgerTypeormRepository, leaderboards);
    unit = new UnitOfWork(
      manager,
      { actor: { role: 'resident', id: 'resident-1' }, correlationId: 'req-1', causationId: causingEventId },
      outbox,
      clock,
      () => '0195a1d0-0000-7000-8000-000000000001',
    );
  });

  it('appends a credit, links it to the chain and publishes hours.credited', async () => {
    const { entry, appended } = await appender.append(
      unit,
      credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a', '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f'),
    );
    expect(appended).toBe(true);
    expect(entry).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
    expect(published.map((event) => [event.type, event.aggregateId])).toEqual([
      ['hours.credited', 'member-1'],
    ]);
    // The ledger is the actor; the unit's cause carries the correlation, its instant the timestamps.
    expect(published[0]).toMatchObject({
      actor: { role: 'system', id: 'volunteer-hours-ledger' },
      correlationId: 'req-1',
      causationId: causingEventId,
      occurredAt: '2025-03-01T06:00:02.000Z',
      payload: { entryId: entry.id, creditedAt: '2025-03-01T06:00:02.000Z' },
    });
    expect(entry.recordedAt).toEqual(clock.now());
  });

  it('returns the existing entry instead of appending a second one for the same cause', async () => {
    const cause = '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f';
    await appender.append(unit, credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a', cause));
    const again = await appender.append(unit, credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1b', cause));
    expect(again.appended).toBe(false);
    expect(ledger.entries).toHaveLength(1);
    expect(published).toHaveLength(1);
  });

  it('reverses a credit only once', async () => {
    const { entry } = await appender.append(
      unit,
      credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a', '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f'),
    );
    await appender.append(
      unit,
      reversal('0195a1c9-3c4d-7e5f-9a6b-7c8d9e0f1a2b', '0195a1c8-4d5e-7f6a-8b7c-8d9e0f1a2b3c', entry),
    );
    await expect(
      appender.append(
        unit,
        reversal('0195a1c9-3c4d-7e5f-9a6b-7c8d9e0f1a2c', '0195a1c8-4d5e-7f6a-8b7c-8d9e0f1a2b3d', entry),
      ),
    ).rejects.toThrow(LedgerInvariantError);
    expect(published.map((event) => event.type)).toEqual(['hours.credited', 'hours.reversed']);
  });

  it('keeps the balance equal to the sum of the entries and the chain verifying after every append', async () => {
    const first = await appender.append(
      unit,
      credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a', '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e91', 40),
    );
    await appender.append(
      unit,
      reversal('0195a1c9-3c4d-7e5f-9a6b-7c8d9e0f1a2b', '0195a1c8-4d5e-7f6a-8b7c-8d9e0f1a2b31', first.entry),
    );
    await appender.append(
      unit,
      credit('0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1c', '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e92', 25),
    );
    expect(ledger.entries.reduce((sum, entry) => sum + entry.minutes, 0)).toBe(25);
    expect(verifyChain('member-1', ledger.entries).firstBrokenLink).toBeNull();
  });
});
