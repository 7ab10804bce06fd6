import type { PlaceLabels } from '@loop/contracts';
import type { ServiceCalendar } from '../domain/service-calendar';
import type {
  CommunityView,
  EscalationLink,
  GridView,
  HouseholdView,
  MemberView,
  PropertyCompanyView,
  StaffView,
} from '../domain/directory-views';

/**
 * What the rest of the dispatch service may read from the directory. Inject this class (it is the DI
 * token); the directory module binds it to the database-backed implementation. Lookups by id return
 * `null` when nothing is known; lists are sorted by id so callers get a stable order.
 */
export abstract class DirectoryReader {
  /** The community, active or retired; null when unknown. */
  abstract communityById(communityId: string): Promise<CommunityView | null>;

  /** The names of a ticket's places (community, grid, compound, and the household's building). */
  abstract placeLabelsOf(place: {
    communityId: string;
    gridId: string;
    compoundId: string | null;
    householdId: string | null;
  }): Promise<PlaceLabels>;

  /**
   * The community's service calendar for deadline maths, combined with the national public holidays and
   * make-up working days of every year loaded (ADR 0024); null when the community is unknown.
   */
  abstract calendarOf(communityId: string): Promise<ServiceCalendar | null>;

  /** The grid; null when unknown. */
  abstract gridById(gridId: string): Promise<GridView | null>;

  /** The household (address only); null when unknown. */
  abstract householdById(householdId: string): Promise<HouseholdView | null>;

  /** The party member, active or not; null when unknown. */
  abstract memberById(memberId: string): Promise<MemberView | null>;

  /** Active members serving in the grid. */
  abstract activeMembersOfGrid(gridId: string): Promise<MemberView[]>;

  /** Active members registered with the community. */
  abstract activeMembersOfCommunity(communityId: string): Promise<MemberView[]>;

  /** The active member who looks after the household ("1+10"); null when none does. */
  abstract memberLinkedToHousehold(householdId: string): Promise<MemberView | null>;

  /** The active property company managing the compound; null when none does. */
  abstract propertyCompanyForCompound(compoundId: string): Promise<PropertyCompanyView | null>;

  /** The property company, active or not; null when unknown. */
  abstract propertyCompanyById(companyId: string): Promise<PropertyCompanyView | null>;

  /**
   * The community's escalation chain (三级包联), ordered by level: at most one person per level, the
   * active one with the smallest id when several are linked. Levels nobody holds are left out.
   */
  abstract escalationChain(communityId: string): Promise<EscalationLink[]>;

  /** Active staff, secretaries and grid workers of the community. */
  abstract staffOfCommunity(communityId: string): Promise<StaffView[]>;
}
