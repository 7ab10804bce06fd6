import {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  collectDefaultMetrics,
  register,
} from 'prom-client';

// prom-client refuses to register a metric name twice in one registry. Services, libraries and tests
// that create several apps in one process all ask for "the" metric, so creation is get-or-create.

/** Returns the counter named `config.name` from the default registry, creating it on first use. */
export function counterMetric<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}

/** Returns the histogram named `config.name` from the default registry, creating it on first use. */
export function histogramMetric<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  return (register.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram(config);
}

/** Returns the gauge named `config.name` from the default registry, creating it on first use. */
export function gaugeMetric<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
  return (register.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge(config);
}

/** Starts prom-client's process metrics (CPU, memory, event loop lag, GC) once per process. */
export function ensureDefaultMetrics(): void {
  if (register.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics();
}

/** Labels every metric of this process with the service name, so dashboards can tell services apart. */
export function labelMetricsWithService(serviceName: string): void {
  register.setDefaultLabels({ service: serviceName });
}
