// The identity rule every service shares for the directory's places (ADR 0020): a place's id is the
// name-based UUID of its external code, so any service — or an identity provider writing a token —
// turns a code into the id without asking the directory.
import { v5 as uuidV5 } from 'uuid';

// A fixed namespace for the directory's name-based UUIDs. Never change it: every stored id derives from it.
const DIRECTORY_NAMESPACE = '6f1b1f0e-5c55-4c1e-9a3e-2f4d6c1b7a90';

/** Kinds of places in the directory whose ids are UUIDs. */
export type PlaceKind = 'street' | 'community' | 'grid' | 'compound' | 'building' | 'household' | 'unit';

/**
 * The UUID of a place with a given external code. Name-based (UUIDv5), so importing the same row twice,
 * or seeding the demo district on two machines, yields the same id: re-imports are upserts and tokens
 * printed for the demo district stay valid.
 */
export function placeId(kind: PlaceKind, code: string): string {
  return uuidV5(`${kind}:${code}`, DIRECTORY_NAMESPACE);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID (ids of places); anything else cannot name a place by id. */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}

// External codes as the directory imports them: short, visible ASCII, e.g. `c-01`, `g-02-01`.
const placeCodePattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * The id a token's place claim stands for: the id itself (lower case) when it is one, the id of the
 * code when it is a code, undefined when it is neither.
 */
export function placeIdOfClaim(kind: PlaceKind, claim: string): string | undefined {
  if (isUuid(claim)) return claim.toLowerCase();
  return placeCodePattern.test(claim) ? placeId(kind, claim) : undefined;
}
