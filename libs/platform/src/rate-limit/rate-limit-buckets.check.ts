import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RATE_LIMIT_BUCKET } from './rate-limited.decorator';
import { RateLimits } from './rate-limits';

/**
 * Stops the service at boot when a route names a rate-limit bucket the config gives no limit to: a
 * typo in a bucket name would otherwise surface as a 500 on the first write of that kind.
 */
@Injectable()
export class RateLimitBucketsCheck implements OnModuleInit {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
  ) {}

  onModuleInit(): void {
    const configured = new Set(this.rateLimits.configuredBuckets());
    const unknown = [...this.bucketsInUse()].filter((bucket) => !configured.has(bucket));
    if (unknown.length > 0) {
      throw new Error(
        `routes are rate-limited in bucket(s) ${unknown.join(', ')} but the config's rateLimits() gives no limit for them`,
      );
    }
  }

  private bucketsInUse(): Set<string> {
    const buckets = new Set<string>();
    for (const { metatype } of this.discovery.getControllers()) {
      if (typeof metatype !== 'function') continue;
      const onClass = this.reflector.get<string | undefined>(RATE_LIMIT_BUCKET, metatype);
      if (onClass) buckets.add(onClass);
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const onMethod = this.reflector.get<string | undefined>(RATE_LIMIT_BUCKET, handler);
        if (onMethod) buckets.add(onMethod);
      }
    }
    return buckets;
  }
}
