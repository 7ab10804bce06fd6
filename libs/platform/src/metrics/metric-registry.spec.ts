import { register } from 'prom-client';
import { kafkaConsumerMetrics } from './kafka-consumer-metrics';
import { counterMetric } from './metric-registry';

describe('metric registration', () => {
  afterEach(() => register.clear());

  it('returns the already registered metric instead of failing on a second registration', () => {
    const first = counterMetric({ name: 'tickets_submitted_total', help: 'Tickets submitted' });
    const second = counterMetric({ name: 'tickets_submitted_total', help: 'Tickets submitted' });

    expect(second).toBe(first);
  });

  it('exposes the Kafka consumer figures by topic, type and outcome', async () => {
    const metrics = kafkaConsumerMetrics();

    metrics.messagesHandled.inc({
      topic: 'requests.ticket.v1',
      type: 'ticket.submitted',
      outcome: 'handled',
    });
    metrics.handlingDuration.observe(
      { topic: 'requests.ticket.v1', type: 'ticket.submitted', outcome: 'handled' },
      0.02,
    );
    metrics.consumerLag.set({ group: 'dispatch', topic: 'requests.ticket.v1', partition: '0' }, 3);
    const text = await register.metrics();

    expect(text).toContain(
      'kafka_consumer_messages_total{topic="requests.ticket.v1",type="ticket.submitted",outcome="handled"} 1',
    );
    expect(text).toContain('kafka_consumer_handling_duration_seconds_bucket');
    expect(text).toContain('kafka_consumer_lag{group="dispatch",topic="requests.ticket.v1",partition="0"} 3');
    expect(kafkaConsumerMetrics().messagesHandled).toBe(metrics.messagesHandled);
  });
});
