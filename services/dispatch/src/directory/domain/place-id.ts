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

/** Whether the text is a UUID (ids of places); anything else cannot name a place. */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}
