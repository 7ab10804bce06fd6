import { fixturePayload } from '../events/event-definition';
import { ticketSubmittedV1 } from '../events/requests/ticket-submitted.event';
import { buildEnvelope } from './build-envelope';
import {
  DeadLetterHeaders,
  EventHeaders,
  deadLetterReasons,
  envelopeRejectionReasons,
  eventHeaders,
} from './event-headers';

const build = (causationId: string | null) =>
  buildEnvelope(ticketSubmittedV1, fixturePayload(ticketSubmittedV1), {
    actor: { role: 'system', id: 'requests' },
    correlationId: 'req-42',
    causationId,
    idGenerator: () => '0195a1b2-8000-7000-8000-000000000001',
  });

describe('event headers', () => {
  it('repeat the envelope metadata as strings', () => {
    expect(eventHeaders(build('0195a1b2-8000-7000-8000-000000000000'))).toEqual({
      'x-event-id': '0195a1b2-8000-7000-8000-000000000001',
      'x-event-type': 'ticket.submitted',
      'x-event-version': '1',
      'x-correlation-id': 'req-42',
      'x-causation-id': '0195a1b2-8000-7000-8000-000000000000',
      'x-producer': 'requests',
    });
  });

  it('leave out the causation header when nothing caused the event', () => {
    expect(eventHeaders(build(null))).not.toHaveProperty(EventHeaders.causationId);
  });

  it('give every dead-letter header the x-dlq- prefix and every envelope rejection a dead-letter reason', () => {
    expect(Object.values(DeadLetterHeaders).every((name) => name.startsWith('x-dlq-'))).toBe(true);
    expect(deadLetterReasons).toEqual(expect.arrayContaining([...envelopeRejectionReasons]));
  });
});
