import type { ServiceOptions } from '@loop/platform';

/** How the requests service presents itself: log and metric name, API document. */
export const requestsServiceOptions: ServiceOptions = {
  name: 'requests',
  openapi: {
    title: 'Requests service (群众点单)',
    version: '1.0.0',
    description:
      'Residents and grid workers raise requests and follow them; staff and officials search them; the closed-loop reports.',
  },
};
