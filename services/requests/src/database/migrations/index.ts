import { messagingMigrations } from '@loop/messaging';
import { timersMigrations } from '@loop/platform';
import { Tickets1764230000000 } from './1764230000000-tickets';
import { ContactReads1796600000001 } from './1796600000001-contact-reads';
import { KnownPlaces1797000000000 } from './1797000000000-known-places';
import { Attachments1797100000000 } from './1797100000000-attachments';
import { DuplicateReports1797360000000 } from './1797360000000-duplicate-reports';
import { Open3111797400000000 } from './1797400000000-open311';
import { MasterFlag1797500000000 } from './1797500000000-master-flag';

// Every migration of the requests database, in order. Applied at start-up; the schema is never synchronised.
export const requestsMigrations = [
  ...messagingMigrations,
  ...timersMigrations,
  Tickets1764230000000,
  ContactReads1796600000001,
  // the directory's places, projected from dispatch's directory events
  KnownPlaces1797000000000,
  // photos attached to tickets
  Attachments1797100000000,
  // duplicate reports: merged tickets, proposals, community settings (ADR 0016)
  DuplicateReports1797360000000,
  // the Open311 GeoReport v2 facade's api_keys and filings
  Open3111797400000000,
  // a master's flag, so steps of tickets without duplicates skip looking for followers
  MasterFlag1797500000000,
];
