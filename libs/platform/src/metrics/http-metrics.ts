import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { histogramMetric } from './metric-registry';

/** Name of the HTTP request duration histogram. */
export const HTTP_REQUEST_DURATION = 'http_request_duration_seconds';

/** The HTTP request duration histogram, labelled by method, route template and status. */
export function httpRequestDuration(): Histogram<'method' | 'route' | 'status'> {
  return histogramMetric({
    name: HTTP_REQUEST_DURATION,
    help: 'Duration of HTTP requests in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/**
 * Express middleware timing every request into {@link httpRequestDuration}. The route label is the
 * matched route template (`/tickets/:id`), never the raw path, so ids do not explode the series count;
 * requests that match no route share the label `unmatched`.
 */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const histogram = httpRequestDuration();
  const started = process.hrtime.bigint();
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    histogram.observe(
      { method: request.method, route: routeTemplate(request), status: String(response.statusCode) },
      seconds,
    );
  };
  // 'close' covers clients that hang up before the response finishes.
  response.once('finish', record);
  response.once('close', record);
  next();
}

function routeTemplate(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : 'unmatched';
}
