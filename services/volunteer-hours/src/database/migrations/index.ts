import { messagingMigrations } from '@loop/messaging';
import { HoursLedger1732700000000 } from './1732700000000-hours-ledger';
import { VolunteerActivities1732700000001 } from './1732700000001-volunteer-activities';
import { LedgerTicketSourceIndex1732700000002 } from './1732700000002-ledger-ticket-source-index';
import { AttendanceCodes1797200000000 } from './1797200000000-attendance-codes';

// Every migration of the volunteer-hours database, in order. Applied at start-up; the schema is never synchronised.
export const volunteerHoursMigrations = [
  ...messagingMigrations,
  HoursLedger1732700000000,
  VolunteerActivities1732700000001,
  LedgerTicketSourceIndex1732700000002,
  // members check themselves in and out with the activity's code
  AttendanceCodes1797200000000,
];
