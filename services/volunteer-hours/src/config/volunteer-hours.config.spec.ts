import { composeServiceProblems } from '@loop/testing';
import { VolunteerHoursConfig } from './volunteer-hours.config';

describe('VolunteerHoursConfig', () => {
  it('is satisfied by the environment docker-compose.yml gives the volunteer-hours service', () => {
    expect(
      composeServiceProblems({ name: 'volunteer-hours', config: VolunteerHoursConfig, port: 3003 }),
    ).toEqual([]);
  });
});
