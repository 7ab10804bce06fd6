import { IsOneOf, PlatformConfig } from '@loop/platform';
import { IsOptional } from 'class-validator';
import { IsSlaOverrides } from '../assignment/infrastructure/sla-overrides.config';

/** Configuration of the dispatch service: the platform's variables with this service's defaults. */
export class DispatchConfig extends PlatformConfig {
  override PORT = 3002;
  override KAFKA_CLIENT_ID = 'dispatch';

  /** JSON list of SLA table overrides ({category?, urgency?, offerMinutes?, acceptMinutes?, completeMinutes?}). */
  @IsOptional()
  @IsSlaOverrides()
  SLA_POLICY_OVERRIDES?: string;

  /** `calendar` counts deadlines in each community's service calendar; `wall_clock` counts every minute. */
  @IsOneOf(['calendar', 'wall_clock'])
  SLA_WORKING_TIME = 'calendar';
}
