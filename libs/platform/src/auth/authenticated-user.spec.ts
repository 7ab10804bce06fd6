import { placeId } from '@loop/contracts';
import { InvalidClaimsError, userFromClaims } from './authenticated-user';

describe('userFromClaims', () => {
  it('maps the standard claims of a party member to a user', () => {
    const user = userFromClaims({
      sub: 'member-17',
      roles: ['member'],
      community_ids: ['c-luancheng-1'],
      grid_ids: ['g-3', 'g-4'],
      unit_id: 'unit-tax-bureau',
    });

    // Codes name the same places as the ids the directory derives from them: one rule everywhere.
    expect(user).toEqual({
      id: 'member-17',
      roles: ['member'],
      communityIds: [placeId('community', 'c-luancheng-1')],
      gridIds: [placeId('grid', 'g-3'), placeId('grid', 'g-4')],
      unitId: 'unit-tax-bureau',
    });
  });

  it('takes a community named by its id or by its code as the same community', () => {
    const id = placeId('community', 'c-01');
    expect(userFromClaims({ sub: 's-1', community_ids: ['c-01'] }).communityIds).toEqual([id]);
    expect(userFromClaims({ sub: 's-1', community_ids: [id.toUpperCase()] }).communityIds).toEqual([id]);
  });

  it('refuses a subject that is a phone number or an e-mail address before anything is built from it', () => {
    for (const sub of ['13800138000', 'wang@example.com', 'has space', 'nul\u0000']) {
      expect(() => userFromClaims({ sub, roles: ['resident'] })).toThrow(InvalidClaimsError);
    }
  });

  it('refuses place claims that are neither ids nor codes, saying which claim', () => {
    expect(() => userFromClaims({ sub: 's-1', community_ids: ['社区 一'] })).toThrow(/community_ids/);
    expect(() => userFromClaims({ sub: 's-1', grid_ids: ['x'.repeat(80)] })).toThrow(/grid_ids/);
    expect(() => userFromClaims({ sub: 's-1', unit_id: '13800138000' })).toThrow(InvalidClaimsError);
  });

  it('reads an administrator bound to a work unit as that unit’s admin, never the district’s', () => {
    expect(userFromClaims({ sub: 'a-1', roles: ['admin'], unit_id: 'unit-tax' }).roles).toEqual([
      'unit_admin',
    ]);
    expect(userFromClaims({ sub: 'a-2', roles: ['admin'] }).roles).toEqual(['admin']);
    expect(userFromClaims({ sub: 'a-3', roles: ['admin', 'unit_admin'], unit_id: 'u' }).roles).toEqual([
      'unit_admin',
    ]);
  });

  it('keeps the escalation level of a secretary or official when it is 1, 2 or 3', () => {
    expect(userFromClaims({ sub: 's-1', roles: ['secretary'], escalation_level: 1 }).escalationLevel).toBe(1);
    expect(userFromClaims({ sub: 'o-1', roles: ['official'], escalation_level: 3 }).escalationLevel).toBe(3);
    expect(
      userFromClaims({ sub: 'o-2', roles: ['official'], escalation_level: 7 }).escalationLevel,
    ).toBeUndefined();
  });

  it('gives a token without role or scope claims no roles and no scope', () => {
    expect(userFromClaims({ sub: 'resident-1' })).toEqual({
      id: 'resident-1',
      roles: [],
      communityIds: [],
      gridIds: [],
    });
  });

  it('drops role names it does not know', () => {
    expect(userFromClaims({ sub: 'u-1', roles: ['staff', 'superuser', 42] }).roles).toEqual(['staff']);
  });

  it('accepts roles sent as one space-separated string, as some identity providers do', () => {
    expect(userFromClaims({ sub: 'u-1', roles: 'staff secretary' }).roles).toEqual(['staff', 'secretary']);
  });

  it('refuses a token without a subject', () => {
    expect(() => userFromClaims({ roles: ['admin'] })).toThrow(InvalidClaimsError);
    expect(() => userFromClaims({ sub: '  ' })).toThrow(InvalidClaimsError);
  });
});
