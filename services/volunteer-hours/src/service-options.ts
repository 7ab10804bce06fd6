import type { ServiceOptions } from '@loop/platform';

/** How the volunteer-hours service presents itself: log and metric name, API document. */
export const volunteerHoursServiceOptions: ServiceOptions = {
  name: 'volunteer-hours',
  openapi: {
    title: 'Volunteer-hours service',
    version: '1.0.0',
    description:
      'The auditable ledger of party members’ service hours, volunteer activities, totals and leaderboards.',
  },
};
