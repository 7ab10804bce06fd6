// Which earlier ticket a new one is proposed as a duplicate of, and when the match is exact enough for a
// community's auto-merge. Pure: the caller loads the candidates and the kept-apart pairs.
import { cancellableTicketStatuses, TicketStatus } from '../../ticket/domain/ticket-status';
import { textSimilarity } from './text-similarity';

/** The parts of a ticket that decide whether it reports the same problem as another. */
export interface ReportedProblem {
  id: string;
  status: TicketStatus;
  categoryCode: string;
  title: string;
  description: string;
  submittedAt: Date;
  mergedInto: string | null;
  location: { communityId: string; compoundId?: string; buildingId?: string; householdId?: string };
}

/** A proposal: the master a new ticket probably duplicates, how alike they read, whether it is exact. */
export interface DuplicateMatch {
  masterId: string;
  similarity: number;
  exact: boolean;
}

/**
 * True when the two tickets name the same place: the same household, or the same building, or the same
 * compound (whichever both name; a ticket naming only its grid matches nothing).
 */
export function samePlace(a: ReportedProblem['location'], b: ReportedProblem['location']): boolean {
  if (a.communityId !== b.communityId) return false;
  if (a.householdId && a.householdId === b.householdId) return true;
  if (a.buildingId && a.buildingId === b.buildingId) return true;
  return Boolean(a.compoundId && a.compoundId === b.compoundId);
}

/**
 * True when the match is exact, so that auto-merge may act without staff: the very same place (compound,
 * building and household all equal, at least a compound or a household named), the same category, and
 * the master filed within the window.
 */
export function isExactMatch(report: ReportedProblem, master: ReportedProblem): boolean {
  const a = report.location;
  const b = master.location;
  const namesAPlace = Boolean(a.compoundId || a.householdId);
  return (
    namesAPlace &&
    a.communityId === b.communityId &&
    (a.compoundId ?? null) === (b.compoundId ?? null) &&
    (a.buildingId ?? null) === (b.buildingId ?? null) &&
    (a.householdId ?? null) === (b.householdId ?? null) &&
    report.categoryCode === master.categoryCode
  );
}

/** Whether `candidate` may be a master at all: open and unresolved, not itself a duplicate. */
export function mayBeMaster(candidate: Pick<ReportedProblem, 'status' | 'mergedInto'>): boolean {
  return candidate.mergedInto === null && cancellableTicketStatuses.includes(candidate.status);
}

/** Text of a report for similarity: its title and description. */
export function reportText(ticket: Pick<ReportedProblem, 'title' | 'description'>): string {
  return `${ticket.title} ${ticket.description}`;
}

/**
 * The proposal for `report` among `candidates`: the oldest open ticket of the same community and
 * category at the same place, filed within `windowMs` before it, that staff have not kept apart from it.
 * Undefined when there is none.
 */
export function proposeMaster(
  report: ReportedProblem,
  candidates: readonly ReportedProblem[],
  options: { windowMs: number; keptApartIds: ReadonlySet<string> },
): DuplicateMatch | undefined {
  const since = report.submittedAt.getTime() - options.windowMs;
  const matches = candidates
    .filter(
      (candidate) =>
        candidate.id !== report.id &&
        !options.keptApartIds.has(candidate.id) &&
        mayBeMaster(candidate) &&
        candidate.categoryCode === report.categoryCode &&
        candidate.submittedAt.getTime() >= since &&
        candidate.submittedAt.getTime() <= report.submittedAt.getTime() &&
        samePlace(report.location, candidate.location),
    )
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  const master = matches[0];
  if (!master) return undefined;
  return {
    masterId: master.id,
    similarity: textSimilarity(reportText(report), reportText(master)),
    exact: isExactMatch(report, master),
  };
}
