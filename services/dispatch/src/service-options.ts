import type { ServiceOptions } from '@loop/platform';

/** How the dispatch service presents itself: log and metric name, API document. */
export const dispatchServiceOptions: ServiceOptions = {
  name: 'dispatch',
  openapi: {
    title: 'Dispatch service (社区派单 · 党员接单)',
    version: '1.0.0',
    description: 'The directory, dispatching and offers to party members, deadlines and escalation.',
  },
};
