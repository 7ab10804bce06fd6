import type { AuthenticatedUser } from '@loop/platform';
import { placeId } from '../domain/place-id';
import { DirectoryScopeError } from '../domain/directory.errors';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What part of the directory a caller manages: admins the whole district, staff their own communities.
 * A token's `community_ids` may name a community by id or by its code (`c-01`); codes map to ids
 * without a lookup because place ids are derived from codes.
 */
export class DirectoryScope {
  private readonly communityIds: ReadonlySet<string>;

  private constructor(
    readonly districtWide: boolean,
    communityIds: readonly string[],
  ) {
    this.communityIds = new Set(
      communityIds.map((claim) =>
        uuidPattern.test(claim) ? claim.toLowerCase() : placeId('community', claim),
      ),
    );
  }

  /** The scope of an authenticated admin or staff member. */
  static of(user: AuthenticatedUser): DirectoryScope {
    return new DirectoryScope(
      user.roles.includes('admin'),
      user.roles.includes('staff') ? user.communityIds : [],
    );
  }

  /** Whether the caller manages the community. */
  manages(communityId: string): boolean {
    return this.districtWide || this.communityIds.has(communityId.toLowerCase());
  }

  /** Throws DirectoryScopeError (403) unless the caller manages the community. */
  assertManages(communityId: string): void {
    if (!this.manages(communityId)) throw new DirectoryScopeError();
  }

  /** Throws DirectoryScopeError (403) unless the caller manages the whole district. */
  assertDistrictWide(): void {
    if (!this.districtWide) throw new DirectoryScopeError();
  }

  /** The communities the caller manages, or null for the whole district. */
  managedCommunityIds(): string[] | null {
    return this.districtWide ? null : [...this.communityIds].sort();
  }
}
