// The one cluster every story shares, configured for stories that finish in seconds: timers polled
// often, deadlines on the wall clock (not the community's office hours, so a run at night behaves like
// one at noon), the loop auditor judging at once, and one category whose accept deadline passes within
// seconds — used only by the escalation story.
import { LoopCluster } from '@loop/testing';

/** The category and urgency whose accept deadline is seconds long; no other story uses this pair. */
export const fastEscalation = { categoryCode: 'public.sentiment', urgency: 'emergency' } as const;

/** Seconds until the fast pair's accept deadline passes, and between escalation levels. */
export const fastEscalationSeconds = 3;

/** Starts the stories' cluster with the demo district. */
export function startStoryCluster(name: string): Promise<LoopCluster> {
  return LoopCluster.start({
    name,
    env: { TIMERS_POLL_INTERVAL_MS: '200' },
    serviceEnv: {
      requests: { LOOP_AUDIT_SETTLE_SECONDS: '0' },
      dispatch: {
        SLA_WORKING_TIME: 'wall_clock',
        SLA_POLICY_OVERRIDES: JSON.stringify([
          {
            category: fastEscalation.categoryCode,
            urgency: fastEscalation.urgency,
            acceptMinutes: fastEscalationSeconds / 60,
          },
        ]),
      },
    },
  });
}
