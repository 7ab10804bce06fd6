import { Controller, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { Public } from '../auth/public.decorator';
import { ensureDefaultMetrics } from './metric-registry';
import { httpRequestDuration } from './http-metrics';

/** `/metrics` in the Prometheus text format; public because scrapers carry no user token. */
@Public()
@ApiExcludeController()
@Controller()
export class MetricsHttpController extends PrometheusController {}

/** Registers the platform's own metrics so they appear on the first scrape, before any traffic. */
@Injectable()
class PlatformMetrics implements OnModuleInit {
  onModuleInit(): void {
    ensureDefaultMetrics();
    httpRequestDuration();
  }
}

/** Prometheus `/metrics` with process metrics and the HTTP request histogram. */
@Module({
  imports: [
    // Default metrics are started by PlatformMetrics instead: the library would start them again for
    // every app created in the process, and prom-client rejects the duplicates.
    PrometheusModule.register({ controller: MetricsHttpController, defaultMetrics: { enabled: false } }),
  ],
  providers: [PlatformMetrics],
})
export class MetricsModule {}
