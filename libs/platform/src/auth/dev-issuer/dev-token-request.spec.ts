import { DevTokenRequestError, parseDevTokenRequest } from './dev-token-request';

describe('parseDevTokenRequest', () => {
  it('accepts the claims of a grid worker with a lifetime', () => {
    const request = parseDevTokenRequest({
      sub: 'gw-1',
      roles: ['grid_worker'],
      community_ids: ['c-1'],
      grid_ids: ['g-1'],
      expires_in: '2h',
    });

    expect(request).toEqual({
      claims: { sub: 'gw-1', roles: ['grid_worker'], community_ids: ['c-1'], grid_ids: ['g-1'] },
      options: { expiresIn: '2h' },
    });
  });

  it('refuses unknown roles, a missing subject and an out-of-range escalation level', () => {
    expect(() => parseDevTokenRequest({ sub: 'x', roles: ['root'] })).toThrow(
      /roles must be a list drawn from/,
    );
    expect(() => parseDevTokenRequest({ roles: ['staff'] })).toThrow(/sub must be a non-empty string/);
    expect(() => parseDevTokenRequest({ sub: 'x', escalation_level: 4 })).toThrow(DevTokenRequestError);
    expect(() => parseDevTokenRequest([])).toThrow(/JSON object/);
  });
});
