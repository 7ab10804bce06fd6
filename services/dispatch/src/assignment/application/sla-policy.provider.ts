import { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@loop/platform';
import { DispatchConfig } from '../../config/dispatch.config';
import { SlaPolicy } from '../domain/sla.policy';
import { parseSlaOverrides } from '../infrastructure/sla-overrides.config';

/** The SLA policy table with the overrides of SLA_POLICY_OVERRIDES (validated at start-up). */
export const slaPolicyProvider: Provider = {
  provide: SlaPolicy,
  inject: [APP_CONFIG],
  useFactory: (config: DispatchConfig) => new SlaPolicy(parseSlaOverrides(config.SLA_POLICY_OVERRIDES)),
};
