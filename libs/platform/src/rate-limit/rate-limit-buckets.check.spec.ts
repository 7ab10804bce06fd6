import { Controller, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { PlatformConfig } from '../config/platform.config';
import type { RateLimitPolicies } from './rate-limit-policy';
import { RateLimitBucketsCheck } from './rate-limit-buckets.check';
import { RateLimited } from './rate-limited.decorator';
import { RateLimits } from './rate-limits';

class SubmissionsConfig extends PlatformConfig {
  override rateLimits(): RateLimitPolicies {
    return { 'ticket-submissions': { limit: 30, windowSeconds: 60 } };
  }
}

@Controller('tickets')
class ConfiguredController {
  @Post()
  @RateLimited('ticket-submissions')
  submit(): void {}
}

@Controller('me')
@RateLimited('webhok-changes')
class MisspelledController {
  @Post('webhook')
  setWebhook(): void {}
}

describe('RateLimitBucketsCheck', () => {
  // Never connected: the check reads the config only.
  const redis = new Redis({ lazyConnect: true });

  const boot = async (controllers: Array<new () => unknown>) => {
    const module = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers,
      providers: [
        RateLimitBucketsCheck,
        { provide: RateLimits, useValue: new RateLimits(redis, new SubmissionsConfig()) },
      ],
    }).compile();
    return module.init();
  };

  it('lets a service boot whose every rate-limited route has a configured limit', async () => {
    const app = await boot([ConfiguredController]);
    await app.close();
  });

  it('stops the boot when a route names a bucket the config gives no limit to', async () => {
    await expect(boot([ConfiguredController, MisspelledController])).rejects.toThrow(
      'rate-limited in bucket(s) webhok-changes',
    );
  });
});
