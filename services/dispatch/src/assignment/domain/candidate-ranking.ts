// Who should be offered a ticket first, and why. Staff see the reasons beside each candidate, so
// every point added or taken away carries a code and a sentence in zh-CN and English.

/** A member who might take the ticket, with what the ranking needs to know. */
export interface CandidateFacts {
  memberId: string;
  gridId: string;
  skills: readonly string[];
  householdIds: readonly string[];
  /** Offers and assignments the member currently holds. */
  openLoad: number;
  /** Whether the member can be reached now (active, and the community serves at this hour). */
  availableNow: boolean;
  /** Service minutes this month (fairness: those who did less come first). */
  minutesThisMonth: number;
}

/** The ticket being dispatched. */
export interface TicketFacts {
  gridId: string;
  householdId: string | null;
  /** Skills that fit the ticket's category (from the category catalogue). */
  categorySkills: readonly string[];
}

/** Why a candidate ranks where it does. */
export type RankingReasonCode =
  | 'linked_household'
  | 'same_grid'
  | 'other_grid'
  | 'skill_match'
  | 'open_load'
  | 'available_now'
  | 'unavailable_now'
  | 'fairness';

/** One reason with the points it gave and what it means. */
export interface RankingReason {
  code: RankingReasonCode;
  points: number;
  zh: string;
  en: string;
}

/** A ranked candidate. */
export interface RankedCandidate {
  memberId: string;
  score: number;
  reasons: RankingReason[];
}

/** The weights of each term, chosen so the order of precedence in the brief holds. */
export const rankingWeights = {
  // The member who looks after the household ("1+10") outranks anything else.
  linkedHousehold: 1000,
  sameGrid: 200,
  skillMatch: 60,
  perOpenTask: -25,
  availableNow: 40,
  // Up to -40 at 20 hours this month; fairness only reorders members otherwise alike.
  fairnessPerHour: -2,
  fairnessFloor: -40,
} as const;

/**
 * Ranks candidates for a ticket, best first. Excluded members (who already declined, let an offer
 * expire or handed the work back) are left out; ties break by member id so the order is stable.
 */
export function rankCandidates(
  ticket: TicketFacts,
  candidates: readonly CandidateFacts[],
  excludedMemberIds: readonly string[] = [],
): RankedCandidate[] {
  const seen = new Set<string>();
  const ranked: RankedCandidate[] = [];
  for (const candidate of candidates) {
    if (excludedMemberIds.includes(candidate.memberId) || seen.has(candidate.memberId)) continue;
    seen.add(candidate.memberId);
    const reasons = reasonsFor(ticket, candidate);
    ranked.push({
      memberId: candidate.memberId,
      score: reasons.reduce((sum, reason) => sum + reason.points, 0),
      reasons,
    });
  }
  return ranked.sort((a, b) => b.score - a.score || a.memberId.localeCompare(b.memberId));
}

function reasonsFor(ticket: TicketFacts, candidate: CandidateFacts): RankingReason[] {
  const reasons: RankingReason[] = [];
  if (ticket.householdId && candidate.householdIds.includes(ticket.householdId)) {
    reasons.push({
      code: 'linked_household',
      points: rankingWeights.linkedHousehold,
      zh: '该党员联系此户（1+10）',
      en: 'Looks after this household (1+10)',
    });
  }
  if (candidate.gridId === ticket.gridId) {
    reasons.push({
      code: 'same_grid',
      points: rankingWeights.sameGrid,
      zh: '同一网格',
      en: 'Serves the same grid',
    });
  } else {
    reasons.push({ code: 'other_grid', points: 0, zh: '其他网格', en: 'Serves another grid' });
  }
  const matching = candidate.skills.filter((skill) => ticket.categorySkills.includes(skill));
  if (matching.length > 0) {
    reasons.push({
      code: 'skill_match',
      points: rankingWeights.skillMatch,
      zh: `技能匹配：${matching.join('、')}`,
      en: `Skills match: ${matching.join(', ')}`,
    });
  }
  if (candidate.openLoad > 0) {
    reasons.push({
      code: 'open_load',
      points: rankingWeights.perOpenTask * candidate.openLoad,
      zh: `手头有 ${candidate.openLoad} 件未办结任务`,
      en: `${candidate.openLoad} open task(s) in hand`,
    });
  }
  reasons.push(
    candidate.availableNow
      ? {
          code: 'available_now',
          points: rankingWeights.availableNow,
          zh: '当前在服务时间内',
          en: 'Available now',
        }
      : { code: 'unavailable_now', points: 0, zh: '当前不在服务时间', en: 'Not available now' },
  );
  const hours = candidate.minutesThisMonth / 60;
  const fairness = Math.max(rankingWeights.fairnessFloor, Math.round(rankingWeights.fairnessPerHour * hours));
  if (fairness !== 0) {
    reasons.push({
      code: 'fairness',
      points: fairness,
      zh: `本月已服务 ${hours.toFixed(1)} 小时`,
      en: `${hours.toFixed(1)} service hours this month`,
    });
  }
  return reasons;
}
