import { messagingMigrations } from '@loop/messaging';
import { timersMigrations } from '@loop/platform';
import { AssignmentSchema1764310000000 } from './1764310000000-assignment-schema';
import { DirectorySchema1764300000000 } from './1764300000000-directory-schema';
import { PublicHolidays1796700000000 } from './1796700000000-public-holidays';
import { DirectoryChanges1796800000000 } from './1796800000000-directory-changes';
import { HouseholdResidents1796900000000 } from './1796900000000-household-residents';
import { Departments1797100000000 } from './1797100000000-departments';

// Every migration of the dispatch database, in order. Applied at start-up; the schema is never synchronised.
export const dispatchMigrations = [
  ...messagingMigrations,
  // directory
  DirectorySchema1764300000000,
  // durable timers, then assignment
  ...timersMigrations,
  AssignmentSchema1764310000000,
  // national public holidays and 调休 (ADR 0024)
  PublicHolidays1796700000000,
  // who changed the directory (the oversight chain is set from above)
  DirectoryChanges1796800000000,
  // residents registered to households; compounds published with their households
  HouseholdResidents1796900000000,
  // functional departments and their summonses to tickets (吹哨报到, ADR 0026)
  Departments1797100000000,
];
