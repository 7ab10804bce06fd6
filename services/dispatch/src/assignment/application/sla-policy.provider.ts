import { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@loop/platform';
import { DispatchConfig } from '../../config/dispatch.config';
import { parseSlaOverrides } from '../../config/sla-overrides.config';
import { SlaPolicy } from '../domain/sla.policy';

/** The SLA policy table with the overrides of SLA_POLICY_OVERRIDES (validated at start-up). */
export const slaPolicyProvider: Provider = {
  provide: SlaPolicy,
  inject: [APP_CONFIG],
  useFactory: (config: DispatchConfig) => new SlaPolicy(parseSlaOverrides(config.SLA_POLICY_OVERRIDES)),
};
