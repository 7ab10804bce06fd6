import { counterMetric } from '@loop/platform';

/**
 * Tickets that missed a deadline, by which one (`acceptance` or `completion`): the figure the SLA-breach
 * alert watches. Counted when the breach is first handled, so a retried timer does not count twice.
 */
export const slaBreaches = () =>
  counterMetric({
    name: 'dispatch_sla_breaches_total',
    help: 'Tickets that missed their accept or completion deadline, by deadline',
    labelNames: ['deadline'],
  });
