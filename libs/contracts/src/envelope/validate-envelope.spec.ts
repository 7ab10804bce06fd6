import { fixturePayload } from '../events/event-definition';
import { TicketSubmittedV1, ticketSubmittedV1 } from '../events/requests/ticket-submitted.event';
import { workCompletedV1 } from '../events/dispatch/work-completed.event';
import { buildEnvelope } from './build-envelope';
import { isEnvelopeOf, validateEnvelope } from './validate-envelope';

const submitted = fixturePayload(ticketSubmittedV1);
const envelope = buildEnvelope(ticketSubmittedV1, submitted, {
  actor: { role: 'resident', id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
  clock: { now: () => new Date('2025-03-01T02:00:00.000Z') },
  idGenerator: () => '0195a1b2-8000-7000-8000-000000000001',
});
const wire = JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>;
const asRecordValue = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('validateEnvelope', () => {
  it('accepts a record value as bytes and returns the envelope with its declaration', () => {
    const result = validateEnvelope(asRecordValue(wire));

    expect(result).toEqual({
      ok: true,
      envelope: expect.objectContaining({ eventId: envelope.eventId }),
      definition: ticketSubmittedV1,
    });
    expect(result.ok && result.envelope.payload).toBeInstanceOf(TicketSubmittedV1);
  });

  it('accepts the same envelope as a string or as parsed JSON', () => {
    expect(validateEnvelope(JSON.stringify(wire)).ok).toBe(true);
    expect(validateEnvelope(wire).ok).toBe(true);
  });

  it('rejects bytes that are not JSON as malformed_json', () => {
    expect(validateEnvelope(Buffer.from('{"eventId": '))).toEqual({
      ok: false,
      reason: 'malformed_json',
      details: [expect.any(String)],
    });
  });

  it('rejects a record without a value as malformed_json', () => {
    expect(validateEnvelope(null)).toEqual({
      ok: false,
      reason: 'malformed_json',
      details: ['the record has no value'],
    });
  });

  it('rejects JSON that is not an object as invalid_envelope', () => {
    expect(validateEnvelope('[1, 2]')).toMatchObject({ ok: false, reason: 'invalid_envelope' });
  });

  it('rejects an envelope with missing or malformed metadata as invalid_envelope, naming the fields', () => {
    const { eventId: _eventId, ...withoutId } = wire;

    const result = validateEnvelope({ ...withoutId, occurredAt: '2025-03-01T10:00:00+08:00' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('invalid_envelope');
    expect(!result.ok && result.details.map((line) => line.split(':')[0])).toEqual(['eventId', 'occurredAt']);
  });

  it('rejects an envelope whose aggregate id is not the payload key as invalid_envelope', () => {
    const result = validateEnvelope({ ...wire, aggregateId: '0195a1b2-7c3d-7e4f-8a5b-000000000000' });

    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid_envelope',
      details: [expect.stringContaining('ticketId')],
    });
  });

  it('rejects an undeclared type as unknown_type', () => {
    expect(validateEnvelope({ ...wire, type: 'ticket.teleported' })).toEqual({
      ok: false,
      reason: 'unknown_type',
      details: ['no event type "ticket.teleported" is declared'],
    });
  });

  it('rejects an undeclared version of a known type as unknown_version', () => {
    expect(validateEnvelope({ ...wire, version: 9 })).toEqual({
      ok: false,
      reason: 'unknown_version',
      details: ['ticket.submitted has no version 9; declared: v1'],
    });
  });

  it('rejects a payload that breaks its contract as invalid_payload, naming the fields', () => {
    const result = validateEnvelope({ ...wire, payload: { ...submitted, urgency: 'whenever' } });

    expect(result).toEqual({
      ok: false,
      reason: 'invalid_payload',
      details: ['payload.urgency: urgency must be one of the following values: normal, urgent, emergency'],
    });
  });

  it('ignores fields a newer producer added, so additive changes need no new version', () => {
    const result = validateEnvelope({ ...wire, traceFlags: '01', payload: { ...submitted, photoCount: 2 } });

    expect(result.ok).toBe(true);
    expect(result.ok && result.envelope.payload).not.toHaveProperty('photoCount');
    expect(result.ok && result.envelope).not.toHaveProperty('traceFlags');
  });

  it('refuses undeclared fields when asked to be strict', () => {
    const result = validateEnvelope(
      { ...wire, payload: { ...submitted, photoCount: 2 } },
      { unknownFields: 'reject' },
    );

    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid_payload',
      details: ['payload.photoCount: property photoCount should not exist'],
    });
  });

  it('narrows an accepted envelope to the payload type of its declaration', () => {
    const result = validateEnvelope(wire);

    expect(result.ok && isEnvelopeOf(result.envelope, ticketSubmittedV1)).toBe(true);
    expect(result.ok && isEnvelopeOf(result.envelope, workCompletedV1)).toBe(false);
  });
});
