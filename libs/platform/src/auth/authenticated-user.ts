import { isAccountId, PlaceKind, placeIdOfClaim } from '@loop/contracts';
import type { JWTPayload } from 'jose';
import type { LocalizedText } from '../errors/language';
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

/** Why a token's claims could not describe a user, in words the caller is shown. */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
  constructor(readonly explanation: LocalizedText) {
    super(explanation.en);
  }
}

/**
 * Maps verified JWT claims to the user a request acts for, checking every identity at the edge so that
 * nothing downstream — a row, an event — is ever built from one that cannot be: `sub` must be an account
 * id (not a phone number or an e-mail address), `community_ids` and `grid_ids` directory ids or codes —
 * one rule everywhere: a code becomes the id the directory gives it (ADR 0020) — and `unit_id` an account id. Only `sub` is mandatory: a token without the other claims grants no roles
 * and no scope, which every authorisation check then refuses.
 */
export function userFromClaims(claims: JWTPayload): AuthenticatedUser {
  if (typeof claims.sub !== 'string' || claims.sub.trim() === '') {
    throw new InvalidClaimsError({
      'zh-CN': '访问令牌缺少用户标识（sub）。',
      en: 'The token has no subject (sub).',
    });
  }
  if (!isAccountId(claims.sub)) {
    throw new InvalidClaimsError({
      'zh-CN': '访问令牌的用户标识（sub）必须是账号 ID，不能是手机号或电子邮箱。',
      en: 'The token subject (sub) must be an account id, not a phone number or an e-mail address.',
    });
  }
  const user: AuthenticatedUser = {
    id: claims.sub,
    roles: rolesOf(claims),
    communityIds: placeIds(claims.community_ids, 'community', 'community_ids'),
    gridIds: placeIds(claims.grid_ids, 'grid', 'grid_ids'),
  };
  if (typeof claims.unit_id === 'string' && claims.unit_id !== '') {
    if (!isAccountId(claims.unit_id)) {
      throw new InvalidClaimsError({
        'zh-CN': '访问令牌中的单位标识（unit_id）无效。',
        en: 'The token unit_id is not a valid id.',
      });
    }
    user.unitId = claims.unit_id;
  }
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

function placeIds(value: unknown, kind: PlaceKind, claim: string): string[] {
  return stringList(value).map((item) => {
    const id = placeIdOfClaim(kind, item);
    if (id === undefined) {
      throw new InvalidClaimsError({
        'zh-CN': `访问令牌中的 ${claim} 必须是目录 ID 或编码：${item.slice(0, 64)}`,
        en: `The token ${claim} must hold directory ids or codes: ${item.slice(0, 64)}`,
      });
    }
    return id;
  });
}

/**
 * The roles a token grants. `admin` means the district's administrator only: an administrator bound to
 * a work unit (`unit_id`) is that unit's admin (`unit_admin`) and never reads the district.
 */
function rolesOf(claims: JWTPayload): Role[] {
  const roles = stringList(claims.roles).filter(isRole);
  const boundToUnit = typeof claims.unit_id === 'string' && claims.unit_id !== '';
  if (!boundToUnit || !roles.includes('admin')) return roles;
  return [...new Set(roles.map((role): Role => (role === 'admin' ? 'unit_admin' : role)))];
}
