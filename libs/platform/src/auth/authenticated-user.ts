import type { JWTPayload } from 'jose';
import { isRole, Role } from './roles';

/** The person a request acts for, as established from a verified token. */
export interface AuthenticatedUser {
  /** The person's id (`sub`). */
  id: string;
  /** The person's roles (`roles`); unknown role names are dropped. */
  roles: Role[];
  /** Communities the person belongs to or works for (`community_ids`). */
  communityIds: string[];
  /** Grids the person belongs to or works for (`grid_ids`). */
  gridIds: string[];
  /** The person's employer unit, for in-service party members (`unit_id`). */
  unitId?: string;
  /** Escalation level of an official or secretary, 1–3 (`escalation_level`). */
  escalationLevel?: number;
}

/** Why a token's claims could not describe a user. */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

/**
 * Maps verified JWT claims to the user a request acts for. Only `sub` is mandatory: a token without
 * the other claims simply grants no roles and no scope, which every authorisation check then refuses.
 */
export function userFromClaims(claims: JWTPayload): AuthenticatedUser {
  if (typeof claims.sub !== 'string' || claims.sub.trim() === '') {
    throw new InvalidClaimsError('the token has no subject (sub)');
  }
  const user: AuthenticatedUser = {
    id: claims.sub,
    roles: stringList(claims.roles).filter(isRole),
    communityIds: stringList(claims.community_ids),
    gridIds: stringList(claims.grid_ids),
  };
  if (typeof claims.unit_id === 'string' && claims.unit_id !== '') user.unitId = claims.unit_id;
  const level = claims.escalation_level;
  if (typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 3) {
    user.escalationLevel = level;
  }
  return user;
}

// Identity providers differ: some emit lists as JSON arrays, some (OAuth `scope` style) as one
// space-separated string. Both are accepted; anything else counts as empty.
function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((item) => item.length > 0);
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [];
}
