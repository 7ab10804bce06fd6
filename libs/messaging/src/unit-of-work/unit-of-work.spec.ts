import {
  ContractViolationError,
  RecordedEvents,
  ticketConfirmedV1,
  TicketConfirmedV1,
} from '@loop/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxBuffer } from './outbox-buffer';
import { UnitOfWork } from './unit-of-work';

const instant = new Date('2026-03-02T08:00:00.000Z');
const manager = {} as EntityManager;
const ticketId = '01890a5d-ac96-774b-bcce-b302099a8057';
const assignmentId = '01890a5d-ac96-774b-bcce-b302099a8058';

function payload(rating: number): TicketConfirmedV1 {
  return {
    ticketId,
    assignmentId,
    rating,
    auto: false,
    confirmedBy: 'resident',
    confirmedAt: instant.toISOString(),
  } as TicketConfirmedV1;
}

function sequentialIds(): () => string {
  let next = 0;
  return () => `01890a5d-ac96-7${String(++next).padStart(3, '0')}-bcce-b302099a8000`;
}

function unit(outbox = new OutboxBuffer()) {
  const cause = {
    actor: { role: 'resident', id: 'resident-1' },
    correlationId: '01890a5d-ac96-774b-bcce-b302099a8001',
    causationId: null,
  } as const;
  return new UnitOfWork(manager, cause, outbox, { now: () => instant }, sequentialIds());
}

describe('a unit of work', () => {
  it('puts a recorded event in an envelope of its cause and instant and adds it to the outbox', () => {
    const outbox = new OutboxBuffer();
    const envelope = unit(outbox).record(ticketConfirmedV1, payload(5));

    expect(envelope).toMatchObject({
      type: 'ticket.confirmed',
      version: 1,
      aggregateId: ticketId,
      occurredAt: instant.toISOString(),
      actor: { role: 'resident', id: 'resident-1' },
      correlationId: '01890a5d-ac96-774b-bcce-b302099a8001',
      causationId: null,
      payload: { rating: 5 },
    });
    expect(outbox.size).toBe(1);
  });

  it('uses an event id reserved beforehand, and another actor when told', () => {
    const reserved = '01890a5d-ac96-7999-bcce-b302099a8999';
    const envelope = unit().record(ticketConfirmedV1, payload(4), {
      eventId: reserved,
      actor: { role: 'system', id: 'auto-confirm' },
    });

    expect(envelope.eventId).toBe(reserved);
    expect(envelope.actor).toEqual({ role: 'system', id: 'auto-confirm' });
  });

  it('refuses a payload its contract refuses, and adds nothing', () => {
    const outbox = new OutboxBuffer();

    expect(() => unit(outbox).record(ticketConfirmedV1, payload(9))).toThrow(ContractViolationError);
    expect(outbox.size).toBe(0);
  });

  it('records what an aggregate recorded, in order, and leaves nothing pending there', () => {
    const events = new RecordedEvents();
    events.record(ticketConfirmedV1, payload(3));
    events.record(ticketConfirmedV1, payload(4));

    const envelopes = unit().recordAll(events.take());

    expect(envelopes.map((envelope) => (envelope.payload as TicketConfirmedV1).rating)).toEqual([3, 4]);
    expect(new Set(envelopes.map((envelope) => envelope.eventId)).size).toBe(2);
    expect(events.size).toBe(0);
  });

  it('shares its transaction, outbox and instant with a unit of another cause', () => {
    const outbox = new OutboxBuffer();
    const first = unit(outbox);
    const second = first.withCause({ actor: { role: 'system', id: 'sla-timer' } });

    const envelope = second.record(ticketConfirmedV1, payload(5));

    expect(second.manager).toBe(first.manager);
    expect(second.now).toBe(first.now);
    expect(envelope.actor).toEqual({ role: 'system', id: 'sla-timer' });
    expect(outbox.size).toBe(1);
  });
});
