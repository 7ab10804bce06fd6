import { validate as isUuid, version as uuidVersion } from 'uuid';
import { fixturePayload } from '../events/event-definition';
import { TicketSubmittedV1, ticketSubmittedV1 } from '../events/requests/ticket-submitted.event';
import { ContractViolationError, buildEnvelope, followingFrom } from './build-envelope';

const submitted = fixturePayload(ticketSubmittedV1);
const gridWorker = { role: 'grid_worker' as const, id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d' };
const fixedClock = { now: () => new Date('2025-03-01T02:00:00.000Z') };
const fixedEventId = '0195a1b2-8000-7000-8000-000000000001';

describe('buildEnvelope', () => {
  it('stamps the injected clock and event id and keys the envelope by the ticket', () => {
    const envelope = buildEnvelope(ticketSubmittedV1, submitted, {
      actor: gridWorker,
      clock: fixedClock,
      idGenerator: () => fixedEventId,
    });

    expect(envelope).toMatchObject({
      eventId: fixedEventId,
      type: 'ticket.submitted',
      version: 1,
      occurredAt: '2025-03-01T02:00:00.000Z',
      producer: 'requests',
      aggregateId: submitted.ticketId,
      actor: gridWorker,
      payload: submitted,
    });
  });

  it('starts a new correlation at the event itself when none is given', () => {
    const envelope = buildEnvelope(ticketSubmittedV1, submitted, {
      actor: gridWorker,
      idGenerator: () => fixedEventId,
    });

    expect(envelope.correlationId).toBe(fixedEventId);
    expect(envelope.causationId).toBeNull();
  });

  it('gives every event a fresh UUIDv7 by default', () => {
    const first = buildEnvelope(ticketSubmittedV1, submitted, { actor: gridWorker });
    const second = buildEnvelope(ticketSubmittedV1, submitted, { actor: gridWorker });

    expect(isUuid(first.eventId) && uuidVersion(first.eventId)).toBe(7);
    expect(second.eventId).not.toBe(first.eventId);
  });

  it('continues the correlation and names the cause for an event that follows from another', () => {
    const cause = buildEnvelope(ticketSubmittedV1, submitted, { actor: gridWorker, correlationId: 'req-42' });

    const effect = buildEnvelope(ticketSubmittedV1, submitted, {
      actor: { role: 'system', id: 'dispatch.auto' },
      ...followingFrom(cause),
    });

    expect(effect.correlationId).toBe('req-42');
    expect(effect.causationId).toBe(cause.eventId);
  });

  it('keeps its own copy of the payload so later changes by the caller are not published', () => {
    const payload = { ...submitted };
    const envelope = buildEnvelope(ticketSubmittedV1, payload, { actor: gridWorker });

    payload.urgency = 'emergency';

    expect(envelope.payload.urgency).toBe('urgent');
  });

  it('refuses a payload with an undeclared field, so a name never leaves the service', () => {
    const withName = { ...submitted, residentName: '张三' } as TicketSubmittedV1;

    expect(() => buildEnvelope(ticketSubmittedV1, withName, { actor: gridWorker })).toThrow(
      new ContractViolationError('ticket.submitted@v1', [
        'payload.residentName: property residentName should not exist',
      ]),
    );
  });

  it('refuses an invalid payload and lists each broken field', () => {
    const invalid = { ...submitted, urgency: 'whenever', gridId: 'grid-7' } as unknown as TicketSubmittedV1;

    const attempt = () => buildEnvelope(ticketSubmittedV1, invalid, { actor: gridWorker });

    expect(attempt).toThrow(ContractViolationError);
    expect(() => attempt()).toThrow(/payload\.urgency: .*payload\.gridId: /);
  });

  it('refuses an injected event id that is not a UUIDv7', () => {
    const attempt = () =>
      buildEnvelope(ticketSubmittedV1, submitted, {
        actor: gridWorker,
        idGenerator: () => '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      });

    expect(attempt).toThrow(/eventId: eventId must be a UUID/);
  });
});
