// Watches the loop's topics with a consumer group of its own — observing, never driving — and stamps each
// ticket's trace with the facts the services published. One consumer replaces thousands of polls.
import { Topics } from '@loop/contracts';
import { createKafkaClient } from '@loop/messaging';
import { Consumer, logLevel } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { LoopTraces } from './loop-traces';

interface ObservedEnvelope {
  eventId: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown> & { ticketId?: string };
}

/** Counts of what the observer saw that a smooth loop never produces. */
export interface LoopAnomalies {
  /** Event types other than the smooth path's (declines, expiries, escalations, reopenings …) and their counts. */
  unexpected: Record<string, number>;
}

const smoothPath = new Set([
  'ticket.submitted',
  'ticket.dispatched',
  'assignment.accepted',
  'work.started',
  'work.completed',
  'ticket.confirmed',
  'hours.credited',
  'notification.delivered',
]);

/** The loop's events as the benchmark sees them on Kafka. */
export class LoopObserver {
  private readonly occurredAt = new Map<string, number>();
  private readonly deliveries: Array<{ causedBy: string; deliveredAt: number }> = [];
  private readonly unexpected: Record<string, number> = {};
  /** Ticket id → the distinct event ids of the hours.credited facts naming it. */
  private readonly creditIds = new Map<string, Set<string>>();
  private constructor(private readonly consumer: Consumer) {}

  /** Subscribes to the namespace's loop topics from their current end and resolves once partitions are assigned. */
  static async start(
    brokers: string[],
    topicPrefix: string,
    clientId: string,
    traces: LoopTraces,
  ): Promise<LoopObserver> {
    const kafka = createKafkaClient({ brokers, clientId: `${clientId}-observer`, logLevel: logLevel.ERROR });
    const consumer = kafka.consumer({ groupId: `${topicPrefix}bench-observer`, maxWaitTimeInMs: 50 });
    const observer = new LoopObserver(consumer);
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({
      topics: [
        Topics.requestsTicket,
        Topics.dispatchAssignment,
        Topics.hoursLedger,
        Topics.notificationsDelivery,
      ].map((topic) => `${topicPrefix}${topic}`),
      fromBeginning: true,
    });
    await consumer.run({
      partitionsConsumedConcurrently: 12,
      eachBatch: async ({ batch }) => {
        const seenAt = Date.now();
        for (const message of batch.messages) {
          if (message.value)
            observer.see(JSON.parse(message.value.toString()) as ObservedEnvelope, seenAt, traces);
        }
      },
    });
    const deadline = Date.now() + 60_000;
    while (!joined) {
      if (Date.now() > deadline) throw new Error('the observer did not join its group within a minute');
      await delay(20);
    }
    return observer;
  }

  private see(envelope: ObservedEnvelope, seenAt: number, traces: LoopTraces): void {
    const occurredAt = Date.parse(envelope.occurredAt);
    this.occurredAt.set(envelope.eventId, occurredAt);
    const p = envelope.payload;
    const at = (field: string) => Date.parse(String(p[field]));
    switch (envelope.type) {
      case 'ticket.dispatched':
        traces.record(
          p.ticketId!,
          {
            offeredAt: at('dispatchedAt'),
            offerSeenAt: seenAt,
            assignmentId: String(p.assignmentId),
            memberId: String((p.assignee as { id: string }).id),
          },
          'offered',
        );
        break;
      case 'assignment.accepted':
        traces.record(p.ticketId!, { acceptedAt: at('acceptedAt') });
        break;
      case 'work.completed':
        traces.record(p.ticketId!, { completedAt: at('completedAt') }, 'completed');
        break;
      case 'ticket.confirmed':
        traces.record(p.ticketId!, { confirmedAt: at('confirmedAt') });
        break;
      case 'hours.credited': {
        const source = p.source as { kind: string; id: string };
        if (source.kind === 'ticket') {
          const ids = this.creditIds.get(source.id) ?? new Set<string>();
          this.creditIds.set(source.id, ids.add(envelope.eventId));
          traces.record(source.id, { creditedAt: at('creditedAt'), creditSeenAt: seenAt }, 'credited');
        }
        break;
      }
      case 'notification.delivered': {
        // v2 names every recipient of the causing event; v1 (older records) one each.
        const recipients = Array.isArray(p.deliveries)
          ? (p.deliveries as Array<{ recipient: { role: string } }>).map((delivery) => delivery.recipient)
          : [p.recipient as { role: string }];
        for (const recipient of recipients) {
          this.deliveries.push({ causedBy: String(p.causedByEventId), deliveredAt: at('deliveredAt') });
          if (p.causedByEventType === 'work.completed' && recipient?.role === 'resident' && p.ticketId) {
            traces.record(p.ticketId, { residentToldAt: seenAt }, 'resident told');
          }
        }
        break;
      }
    }
    if (!smoothPath.has(envelope.type))
      this.unexpected[envelope.type] = (this.unexpected[envelope.type] ?? 0) + 1;
  }

  /** Causing event → delivery, in milliseconds, for every notification whose cause was seen. */
  notificationLatencies(): number[] {
    const latencies: number[] = [];
    for (const delivery of this.deliveries) {
      const caused = this.occurredAt.get(delivery.causedBy);
      if (caused !== undefined) latencies.push(delivery.deliveredAt - caused);
    }
    return latencies;
  }

  /** Ticket id → distinct hours.credited event ids: a redelivery counts once, a second entry twice. */
  ticketCredits(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.creditIds;
  }

  /** Notifications seen in all. */
  get notificationCount(): number {
    return this.deliveries.length;
  }

  /** What a smooth loop never produces. */
  anomalies(): LoopAnomalies {
    return { unexpected: { ...this.unexpected } };
  }

  /** Leaves the group; the cluster's cleanup deletes the group with the namespace. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
