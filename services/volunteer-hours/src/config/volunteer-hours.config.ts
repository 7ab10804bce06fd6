import { PlatformConfig } from '@loop/platform';

/** Configuration of the volunteer-hours service: the platform's variables with this service's defaults. */
export class VolunteerHoursConfig extends PlatformConfig {
  override PORT = 3003;
  override KAFKA_CLIENT_ID = 'volunteer-hours';
}
