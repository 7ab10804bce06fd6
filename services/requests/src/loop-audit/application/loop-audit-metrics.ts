import { counterMetric, gaugeMetric } from '@loop/platform';

/** Findings of the latest audit run, by kind (alert when above 0 for a while). */
export const loopAuditFindings = () =>
  gaugeMetric({
    name: 'loop_audit_findings',
    help: 'Findings of the latest loop audit, by kind',
    labelNames: ['kind'],
  });

/** Audit runs by outcome: clean, findings or failed (a peer could not answer). */
export const loopAuditRuns = () =>
  counterMetric({
    name: 'loop_audit_runs_total',
    help: 'Loop audit runs, by outcome (clean, findings, failed)',
    labelNames: ['outcome'],
  });

/**
 * When this replica last completed an audit (clean or with findings), in Unix seconds. Alerts read the
 * findings only of replicas with a recent run, and fire when no replica has completed one for too long.
 */
export const loopAuditLastCompleted = () =>
  gaugeMetric({
    name: 'loop_audit_last_completed_timestamp_seconds',
    help: 'Unix time of the latest completed loop audit in this replica',
  });
