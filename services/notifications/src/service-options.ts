import type { ServiceOptions } from '@loop/platform';

/** How the notifications service presents itself: log and metric name, API document. */
export const notificationsServiceOptions: ServiceOptions = {
  name: 'notifications',
  openapi: {
    title: 'Notifications service',
    version: '1.0.0',
    description: 'Inboxes, preferences and the live stream that tell each person when it is their turn.',
  },
};
