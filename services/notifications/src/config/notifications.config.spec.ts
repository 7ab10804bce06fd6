import { composeServiceProblems } from '@loop/testing';
import { NotificationsConfig } from './notifications.config';

describe('NotificationsConfig', () => {
  it('is satisfied by the environment docker-compose.yml gives the notifications service', () => {
    expect(
      composeServiceProblems({ name: 'notifications', config: NotificationsConfig, port: 3004 }),
    ).toEqual([]);
  });
});
