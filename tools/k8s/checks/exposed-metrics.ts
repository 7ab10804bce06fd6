// The metric names the services expose, taken from the metric definitions themselves (libs/platform and
// libs/messaging register them on prom-client's default registry), so an alert cannot silently read a
// renamed metric.
import { register } from 'prom-client';
import { httpRequestDuration, kafkaConsumerMetrics } from '@loop/platform';
import { messagingMetrics } from '@loop/messaging';

/** Series Prometheus itself adds to every scrape target. */
const scrapeSeries = ['up'];

/**
 * Metrics a service has yet to register, with who owns them. Each entry is a promise the alert rules rely
 * on; remove it once the metric is defined in code, and the check then holds the name to that definition.
 */
export const metricsAwaitingDefinition: Readonly<Record<string, string>> = {
  dispatch_sla_breaches_total:
    'counter the dispatch service increments when a ticket misses an SLA deadline, label deadline = acceptance | completion',
};

/** Every metric name an alert may read: registered metrics (histograms with their series), scrape series and the ones awaiting definition. */
export function exposedMetricNames(): Set<string> {
  httpRequestDuration();
  kafkaConsumerMetrics();
  messagingMetrics();
  const names = new Set([...scrapeSeries, ...Object.keys(metricsAwaitingDefinition)]);
  for (const metric of register.getMetricsAsArray()) {
    names.add(metric.name);
    if ((metric as { type?: unknown }).type === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${metric.name}${suffix}`);
  }
  return names;
}
