import { composeServiceProblems } from '@loop/testing';
import { RequestsConfig } from './requests.config';

describe('RequestsConfig', () => {
  it('is satisfied by the environment docker-compose.yml gives the requests service', () => {
    expect(composeServiceProblems({ name: 'requests', config: RequestsConfig, port: 3001 })).toEqual([]);
  });
});
