import type { AuthenticatedUser } from '@loop/platform';
import { placeId } from '../domain/place-id';
import { DirectoryScopeError } from '../domain/directory.errors';
import { DirectoryScope } from './directory-scope';

const user = (roles: AuthenticatedUser['roles'], communityIds: string[] = []): AuthenticatedUser => ({
  id: 'someone',
  roles,
  communityIds,
  gridIds: [],
});

describe('the directory scope of a caller', () => {
  const c01 = placeId('community', 'c-01');
  const c02 = placeId('community', 'c-02');

  it('lets an admin manage every community and the whole district', () => {
    const scope = DirectoryScope.of(user(['admin']));
    expect(scope.manages(c02)).toBe(true);
    expect(() => scope.assertDistrictWide()).not.toThrow();
    expect(scope.managedCommunityIds()).toBeNull();
  });

  it('lets staff manage only the communities in their token, named by id or by code', () => {
    const byId = DirectoryScope.of(user(['staff'], [c01]));
    const byCode = DirectoryScope.of(user(['staff'], ['c-01']));
    for (const scope of [byId, byCode]) {
      expect(scope.manages(c01)).toBe(true);
      expect(scope.manages(c02)).toBe(false);
      expect(() => scope.assertManages(c02)).toThrow(DirectoryScopeError);
      expect(() => scope.assertDistrictWide()).toThrow(DirectoryScopeError);
      expect(scope.managedCommunityIds()).toEqual([c01]);
    }
  });

  it('gives no community to a caller who is neither admin nor staff', () => {
    expect(DirectoryScope.of(user(['member'], [c01])).manages(c01)).toBe(false);
  });
});
