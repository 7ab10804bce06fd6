// The metric names the services expose, taken from the metric definitions themselves (libs/platform,
// libs/messaging and the services' own metric modules register them on prom-client's default registry),
// so an alert cannot silently read a renamed metric.
import { join } from 'node:path';
import { register } from 'prom-client';
import { httpRequestDuration, kafkaConsumerMetrics } from '@loop/platform';
import { messagingMetrics } from '@loop/messaging';

/** Series Prometheus itself adds to every scrape target. */
const scrapeSeries = ['up'];

/**
 * Service metric modules the alerts read, loaded by path: tools may not import a service's code, and these
 * files only define metrics. Each exports factories that register their metric when called.
 */
const serviceMetricModules = [
  join(__dirname, '..', '..', '..', 'services/dispatch/src/assignment/application/sla-metrics.ts'),
  join(__dirname, '..', '..', '..', 'services/requests/src/loop-audit/application/loop-audit-metrics.ts'),
];

function registerServiceMetrics(): void {
  for (const file of serviceMetricModules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path on purpose, see above
    const factories = require(file) as Record<string, unknown>;
    for (const factory of Object.values(factories)) if (typeof factory === 'function') factory();
  }
}

/** Every metric name an alert may read: registered metrics (histograms with their series) and scrape series. */
export function exposedMetricNames(): Set<string> {
  httpRequestDuration();
  kafkaConsumerMetrics();
  messagingMetrics();
  registerServiceMetrics();
  const names = new Set(scrapeSeries);
  for (const metric of register.getMetricsAsArray()) {
    names.add(metric.name);
    if ((metric as { type?: unknown }).type === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${metric.name}${suffix}`);
  }
  return names;
}
