// The scenario of a demo day, planned up front from a seed: who files which ticket where, how the
// community dispatches it, whether the member declines first, and how the story ends. Pure, so the
// same seed plays the same day and the mix is tested without any service running.
import { ticketCategories, ticketUrgencies } from '@loop/contracts';
import { SeededRandom } from '@loop/platform';
import { textsFor } from './ticket-texts';

/** A community as read from the dispatch directory, with the people and places the demo uses. */
export interface DemoCommunity {
  id: string;
  code: string;
  autoDispatch: boolean;
  grids: Array<{ id: string; code: string }>;
  /** A sample of households (addresses) by grid. */
  households: Array<{
    id: string;
    gridId: string;
    compoundId: string;
    buildingId: string;
    addressLabel: string;
    /** The resident registered to the household, who files for it. */
    residentId: string;
  }>;
  gridWorkers: Array<{ id: string; gridIds: string[] }>;
  staffIds: string[];
}

/** How a planned ticket's story ends. */
export type TicketFate =
  /** Accepted, done, confirmed with a rating: the member's hours are credited. */
  | 'confirmed'
  /** Done but not yet confirmed: it waits in the resident's inbox. */
  | 'awaiting_confirmation'
  /** Nobody accepts it (manual communities: nobody dispatches it), so it misses its accept deadline. */
  | 'left_unaccepted';

/** One ticket of the day. */
export interface PlannedTicket {
  /** 1-based position in the day. */
  number: number;
  communityId: string;
  communityCode: string;
  autoDispatch: boolean;
  gridId: string;
  compoundId: string;
  buildingId: string;
  /** The household, when a resident files; a grid worker's patrol finding names the building only. */
  householdId: string | null;
  address: string;
  filer: { role: 'resident' | 'grid_worker'; id: string };
  categoryCode: string;
  urgency: (typeof ticketUrgencies)[number];
  title: string;
  description: string;
  /** Who dispatches by hand where auto-dispatch is off. */
  staffId: string;
  /** Manual dispatch to the compound's property company instead of a member (property categories). */
  toPropertyCompany: boolean;
  /** The first offer is declined with this reason before someone accepts. */
  declineFirst: 'busy' | 'not_nearby' | 'lacks_skill' | null;
  fate: TicketFate;
  minutesSpent: number;
  rating: number;
  comment: string;
}

/** What shapes the day. */
export interface DemoDayOptions {
  tickets: number;
  seed: number;
}

const activeCategories = ticketCategories.filter((category) => category.active);
// Elderly help and repairs dominate a real district's requests; sentiment and "other" are rare.
const categoryWeights: ReadonlyArray<readonly [string, number]> = activeCategories.map((category) => [
  category.code,
  { 'elderly.disabled.help': 5, 'property.repair': 5, 'environment.sanitation': 3, 'neighbour.dispute': 2 }[
    category.code
  ] ?? 1,
]);
const comments: Record<number, string[]> = {
  5: ['谢谢，办得又快又好', '党员同志很热心', '非常满意'],
  4: ['挺好的，就是来得晚了点', '问题解决了'],
  3: ['解决了，但等了很久', '一般'],
  2: ['只处理了一半', '态度还行，效果不好'],
  1: ['问题没有真正解决', '不满意'],
};

/** Plans the day's tickets over the given communities; the same options always give the same plan. */
export function planDemoDay(communities: readonly DemoCommunity[], options: DemoDayOptions): PlannedTicket[] {
  const usable = communities.filter((c) => c.grids.length && c.households.length && c.staffIds.length);
  if (!usable.length) throw new Error('no community has grids, households and staff to play the day in');
  const random = new SeededRandom(options.seed);
  return Array.from({ length: options.tickets }, (_, index) => {
    const community = random.pick(usable);
    const household = random.pick(community.households);
    const gridWorker = community.gridWorkers.find((worker) => worker.gridIds.includes(household.gridId));
    // Grid workers file a quarter of the day's tickets from their patrols, without a resident.
    const byGridWorker = gridWorker !== undefined && random.chance(0.25);
    const categoryCode = random.weighted(categoryWeights);
    const category = activeCategories.find((c) => c.code === categoryCode)!;
    const text = random.pick(textsFor(categoryCode));
    const fate = random.weighted<TicketFate>([
      ['confirmed', 84],
      ['awaiting_confirmation', 8],
      ['left_unaccepted', 8],
    ]);
    const rating = random.weighted([
      [5, 68],
      [4, 22],
      [3, 6],
      [2, 2],
      [1, 2],
    ]);
    return {
      number: index + 1,
      communityId: community.id,
      communityCode: community.code,
      autoDispatch: community.autoDispatch,
      gridId: household.gridId,
      compoundId: household.compoundId,
      buildingId: household.buildingId,
      householdId: byGridWorker ? null : household.id,
      address: household.addressLabel,
      filer: byGridWorker
        ? { role: 'grid_worker', id: gridWorker.id }
        : { role: 'resident', id: household.residentId },
      categoryCode,
      urgency: random.weighted<PlannedTicket['urgency']>([
        ['normal', 70],
        ['urgent', 22],
        ['emergency', 8],
      ]),
      title: text.title,
      description: text.description,
      staffId: random.pick(community.staffIds),
      toPropertyCompany: !community.autoDispatch && category.propertyCompanyAssignable && random.chance(0.5),
      declineFirst:
        fate !== 'left_unaccepted' && random.chance(0.15)
          ? random.pick(['busy', 'not_nearby', 'lacks_skill'] as const)
          : null,
      fate,
      minutesSpent: random.integer(2, 16) * 15,
      rating,
      comment: random.pick(comments[rating]),
    };
  });
}

/** How many tickets of the plan end each way, and how many start with a decline. */
export function summarisePlan(plan: readonly PlannedTicket[]): Record<TicketFate | 'declineFirst', number> {
  const counts = { confirmed: 0, awaiting_confirmation: 0, left_unaccepted: 0, declineFirst: 0 };
  for (const ticket of plan) {
    counts[ticket.fate] += 1;
    if (ticket.declineFirst) counts.declineFirst += 1;
  }
  return counts;
}

/**
 * Chooses `count` active communities for the day: a run of consecutive codes from a seeded start, so
 * communities with auto-dispatch and those that dispatch by hand (they alternate) both take part.
 */
export function chooseCommunities<C extends { code: string; active: boolean }>(
  communities: readonly C[],
  count: number,
  seed: number,
): C[] {
  const active = communities.filter((c) => c.active).sort((a, b) => a.code.localeCompare(b.code));
  if (count >= active.length) return active;
  const start = new SeededRandom(seed).integer(0, active.length - 1);
  return Array.from({ length: count }, (_, k) => active[(start + k) % active.length]);
}
