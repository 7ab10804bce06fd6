import { isRole, ROLES } from '../roles';
import type { DevTokenClaims, MintOptions } from './dev-issuer';

/** A parsed `POST /tokens` body: the claims and the token's lifetime. */
export interface DevTokenRequest {
  claims: DevTokenClaims;
  options: MintOptions;
}

/** A `POST /tokens` body that cannot become a token; the message says what is wrong. */
export class DevTokenRequestError extends Error {
  override readonly name = 'DevTokenRequestError';
}

/**
 * Checks a `POST /tokens` body (`sub`, `roles`, optional `community_ids`, `grid_ids`, `unit_id`,
 * `escalation_level`, `expires_in`) and returns the claims to sign.
 */
export function parseDevTokenRequest(body: unknown): DevTokenRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DevTokenRequestError('the body must be a JSON object');
  }
  const input = body as Record<string, unknown>;
  if (typeof input.sub !== 'string' || input.sub.trim() === '') {
    throw new DevTokenRequestError('sub must be a non-empty string');
  }
  const roles = input.roles ?? [];
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new DevTokenRequestError(`roles must be a list drawn from: ${ROLES.join(', ')}`);
  }
  const claims: DevTokenClaims = { sub: input.sub, roles };
  for (const name of ['community_ids', 'grid_ids'] as const) {
    const value = input[name];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new DevTokenRequestError(`${name} must be a list of strings`);
    }
    claims[name] = value;
  }
  if (input.unit_id !== undefined) {
    if (typeof input.unit_id !== 'string') throw new DevTokenRequestError('unit_id must be a string');
    claims.unit_id = input.unit_id;
  }
  if (input.escalation_level !== undefined) {
    const level = input.escalation_level;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 3) {
      throw new DevTokenRequestError('escalation_level must be 1, 2 or 3');
    }
    claims.escalation_level = level;
  }
  const expiresIn = input.expires_in;
  if (expiresIn !== undefined && typeof expiresIn !== 'string' && typeof expiresIn !== 'number') {
    throw new DevTokenRequestError('expires_in must be seconds or a time span such as "2h"');
  }
  return { claims, options: expiresIn === undefined ? {} : { expiresIn } };
}
