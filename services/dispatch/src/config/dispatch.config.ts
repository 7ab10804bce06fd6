import { IsOneOf, PlatformConfig } from '@loop/platform';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsSlaOverrides } from './sla-overrides.config';

// Minutes may be fractional (tests use windows of seconds); anything that is not a number stays as given
// and fails validation.
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

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

  /** Minutes, round the clock, a department summoned to an urgent or emergency ticket has to check in (ADR 0026). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.01)
  @Max(10_080)
  SUMMONS_URGENT_ARRIVAL_MINUTES = 120;

  /** Working minutes, in the department's service calendar, a department summoned to a normal ticket has to check in. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.01)
  @Max(43_200)
  SUMMONS_NORMAL_ARRIVAL_MINUTES = 1440;
}
