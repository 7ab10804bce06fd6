import { isServiceName, serviceNames } from '../services';
import { validateContract } from '../schema/validate-contract';
import { contractClassesReachableFrom, contractFields, jsonSchemaOf } from '../schema/json-schema';
import { Topics, topicDefinition } from '../topics/topic-registry';
import { eventLabel, fixturePayload } from '../events/event-definition';
import { ticketSubmittedV1 } from '../events/requests/ticket-submitted.event';
import { workCompletedV1 } from '../events/dispatch/work-completed.event';
import {
  eventCatalogue,
  eventDefinition,
  eventVersions,
  eventsConsumedBy,
  eventsOnTopic,
  eventsProducedBy,
  topicsConsumedBy,
} from './event-catalogue';

const events = eventCatalogue.map((definition) => [eventLabel(definition), definition] as const);

describe('the event catalogue', () => {
  it.each(events)(
    'accepts the %s fixture under its payload class, unknown fields refused',
    (_label, definition) => {
      const result = validateContract(definition.payloadClass, definition.fixture, {
        unknownFields: 'reject',
      });

      expect(result).toEqual({ ok: true, value: expect.any(definition.payloadClass) });
    },
  );

  it.each(events)('refuses a %s fixture missing a required field, naming the field', (_label, definition) => {
    const [firstField] = contractFields(definition.payloadClass);
    const { [firstField]: _removed, ...withoutField } = definition.fixture;

    const result = validateContract(definition.payloadClass, withoutField);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.some((line) => line.startsWith(`${firstField}:`))).toBe(true);
  });

  it.each(events)(
    'refuses a %s fixture carrying an undeclared field such as a name',
    (_label, definition) => {
      const result = validateContract(definition.payloadClass, {
        ...definition.fixture,
        residentName: '张三',
      });

      expect(result).toEqual({
        ok: false,
        details: ['residentName: property residentName should not exist'],
      });
    },
  );

  it('refuses an invalid ticket.submitted with each broken field named', () => {
    const result = validateContract(ticketSubmittedV1.payloadClass, {
      ...ticketSubmittedV1.fixture,
      urgency: 'whenever',
      filedBy: { role: 'resident', id: '13800138000' },
      submittedAt: '2025-03-01 10:00',
    });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.map((line) => line.split(':')[0]).sort()).toEqual([
      'filedBy.id',
      'submittedAt',
      'urgency',
    ]);
  });

  it.each(events)(
    'declares a producer that owns the %s topic and at least one known consumer',
    (_label, definition) => {
      expect(isServiceName(definition.producer)).toBe(true);
      expect(topicDefinition(definition.topic)?.owner).toBe(definition.producer);
      expect(definition.consumers.length).toBeGreaterThanOrEqual(1);
      expect(definition.consumers.every(isServiceName)).toBe(true);
      expect(new Set(definition.consumers).size).toBe(definition.consumers.length);
    },
  );

  it.each(events)('derives the %s key from the payload field it names', (_label, definition) => {
    const key = definition.key(definition.fixture);

    expect(key).toBe(definition.fixture[definition.keyField]);
    expect(key).not.toHaveLength(0);
  });

  it('keys every loop event by its ticket so one ticket stays in order on one partition', () => {
    const loopEvents = [...eventsOnTopic(Topics.requestsTicket), ...eventsOnTopic(Topics.dispatchAssignment)];

    expect(loopEvents.map((definition) => definition.keyField)).toEqual(loopEvents.map(() => 'ticketId'));
  });

  it('declares each type and version once, under a dotted lower-case name', () => {
    const labels = eventCatalogue.map(eventLabel);

    expect(new Set(labels).size).toBe(labels.length);
    expect(
      eventCatalogue.every((definition) => /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(definition.type)),
    ).toBe(true);
  });

  it('documents every field of every payload and value object', () => {
    const classes = contractClassesReachableFrom(eventCatalogue.map((definition) => definition.payloadClass));

    for (const contractClass of classes) {
      expect(() => jsonSchemaOf(contractClass, (nested) => nested.name)).not.toThrow();
    }
  });

  it('carries no field whose name suggests personal data', () => {
    const classes = contractClassesReachableFrom(eventCatalogue.map((definition) => definition.payloadClass));
    const fields = classes.flatMap((contractClass) => contractFields(contractClass));

    expect(fields.filter((field) => /name|phone|mobile|address|idcard|email/i.test(field))).toEqual([]);
  });

  it('finds a declaration by type and version, and tells unknown versions from unknown types', () => {
    expect(eventDefinition('ticket.submitted', 1)).toBe(ticketSubmittedV1);
    expect(eventDefinition('ticket.submitted', 2)).toBeUndefined();
    expect(eventVersions('ticket.submitted')).toEqual([1]);
    expect(eventVersions('ticket.teleported')).toEqual([]);
  });

  it('lists the events on a topic, produced by a service and consumed by a service', () => {
    expect(eventsOnTopic(Topics.requestsTicket).map((definition) => definition.type)).toEqual([
      'ticket.submitted',
      'ticket.cancelled',
      'ticket.confirmed',
      'ticket.reopened',
      'ticket.merged',
      'ticket.unmerged',
    ]);
    expect(eventsProducedBy('requests')).toEqual(eventsOnTopic(Topics.requestsTicket));
    expect(eventsConsumedBy('volunteer-hours')).toContain(workCompletedV1);
    expect(eventsConsumedBy('volunteer-hours')).not.toContain(ticketSubmittedV1);
  });

  it('tells each service which topics to subscribe to', () => {
    expect(topicsConsumedBy('dispatch')).toEqual([Topics.requestsTicket]);
    expect(topicsConsumedBy('volunteer-hours')).toEqual([
      Topics.requestsTicket,
      Topics.dispatchAssignment,
      Topics.dispatchDirectory,
      Topics.hoursActivity,
    ]);
  });

  it('hands out typed fixture copies that can be changed without touching the declaration', () => {
    const payload = fixturePayload(ticketSubmittedV1);

    payload.urgency = 'emergency';

    expect(ticketSubmittedV1.fixture.urgency).toBe('urgent');
  });

  it('gives every service something to consume', () => {
    expect(serviceNames.filter((service) => eventsConsumedBy(service).length === 0)).toEqual([]);
  });
});
