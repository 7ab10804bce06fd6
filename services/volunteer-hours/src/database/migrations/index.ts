import { messagingMigrations } from '@loop/messaging';
import { HoursLedger1732700000000 } from './1732700000000-hours-ledger';
import { VolunteerActivities1732700000001 } from './1732700000001-volunteer-activities';

// Every migration of the volunteer-hours database, in order. Applied at start-up; the schema is never synchronised.
export const volunteerHoursMigrations = [
  ...messagingMigrations,
  HoursLedger1732700000000,
  VolunteerActivities1732700000001,
];
