// The directory's identity rule lives in the contracts, shared by every service that reads a token.
export { isUuid, placeId } from '@loop/contracts';
export type { PlaceKind } from '@loop/contracts';
