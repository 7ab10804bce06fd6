// How a GeoReport location becomes a ticket's place. The directory projection knows places by id only,
// so address_id — a household or compound id of the district directory — is what places a ticket;
// address_string and lat/long are kept on the ticket as given. Without address_id a ticket is placed
// only when the key's scope leaves no choice: one community with one grid.
import { badRequest, outsideScope } from './open311.errors';

/** A directory place an address_id names, as the projection knows it. */
export type DirectoryPlace =
  | {
      kind: 'household';
      householdId: string;
      communityId: string;
      gridId: string;
      compoundId: string;
      buildingId: string | null;
    }
  | { kind: 'compound'; compoundId: string; communityId: string; gridIds: readonly string[] };

/** Where a key may file: its communities and the grids the directory lists for each. */
export interface KeyScope {
  communityIds: readonly string[];
  gridsByCommunity: Readonly<Record<string, readonly string[]>>;
}

/** The ticket's place as the ticket's own place check takes it. */
export interface FilingPlace {
  communityId: string;
  gridId: string;
  compoundId?: string;
  buildingId?: string;
  householdId?: string;
}

/**
 * The place of a filing: from the directory place its address_id names, or — with no address_id — the
 * key's only community and grid. 400 for an address_id the directory does not know or a compound
 * spread over several grids; 403 for a place outside the key's communities.
 */
export function placeFiling(
  addressId: string | undefined,
  found: DirectoryPlace | null,
  scope: KeyScope,
): FilingPlace {
  if (addressId === undefined) return onlyPlaceIn(scope);
  if (!found) {
    throw badRequest(
      `区名录中没有编号为 ${addressId} 的住户或小区。`,
      `address_id ${addressId} is not a household or compound of the district directory.`,
    );
  }
  if (!scope.communityIds.includes(found.communityId)) throw outsideScope();
  if (found.kind === 'household') {
    return {
      communityId: found.communityId,
      gridId: found.gridId,
      compoundId: found.compoundId,
      ...(found.buildingId ? { buildingId: found.buildingId } : {}),
      householdId: found.householdId,
    };
  }
  const grids = [...new Set(found.gridIds)];
  if (grids.length !== 1) {
    throw badRequest(
      '该小区分属多个网格，请在 address_id 中填写住户编号。',
      'The compound lies in several grids; give a household id as address_id.',
    );
  }
  return { communityId: found.communityId, gridId: grids[0], compoundId: found.compoundId };
}

function onlyPlaceIn(scope: KeyScope): FilingPlace {
  const [communityId] = scope.communityIds;
  const grids = communityId ? (scope.gridsByCommunity[communityId] ?? []) : [];
  if (scope.communityIds.length === 1 && grids.length === 1) return { communityId, gridId: grids[0] };
  throw badRequest(
    '请用 address_id 填写区名录中的住户或小区编号：address_string 与 lat/long 只作记录，不能确定所属社区与网格。',
    'Give address_id (a household or compound id of the district directory): address_string and lat/long are kept as given but cannot place the request in a community and grid.',
  );
}
