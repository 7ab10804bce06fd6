import { composeServiceProblems } from '@loop/testing';
import { DispatchConfig } from './dispatch.config';

describe('DispatchConfig', () => {
  it('is satisfied by the environment docker-compose.yml gives the dispatch service', () => {
    expect(composeServiceProblems({ name: 'dispatch', config: DispatchConfig, port: 3002 })).toEqual([]);
  });
});
