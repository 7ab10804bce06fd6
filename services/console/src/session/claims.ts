// The claims the services read from a bearer token (DESIGN §2): who, which roles, which communities
// and grids, the party unit and the escalation level. The console only reads them to choose screens and
// scope; the services check the token's signature.

/** The claims of a signed-in person's token. */
export interface SessionClaims {
  sub: string;
  roles: string[];
  community_ids?: string[];
  grid_ids?: string[];
  unit_id?: string;
  escalation_level?: number;
  /** Expiry, seconds since the epoch. */
  exp?: number;
}

/** Reads the payload of a JWT without verifying it; undefined when it is not a JWT with a subject. */
export function decodeClaims(token: string): SessionClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Partial<SessionClaims>;
    if (typeof claims.sub !== 'string') return undefined;
    return { ...claims, sub: claims.sub, roles: Array.isArray(claims.roles) ? claims.roles : [] };
  } catch {
    return undefined;
  }
}

/** True when the token expires within `marginSeconds` of `nowMs` (or has expired). */
export function expiresSoon(claims: SessionClaims, nowMs: number, marginSeconds = 30): boolean {
  return claims.exp !== undefined && claims.exp * 1000 - marginSeconds * 1000 <= nowMs;
}

/**
 * The console's area for a set of roles: the phone screens for residents, members and a department's unit
 * admin (an admin with a `unit_id`), the desk otherwise.
 */
export function homePathFor(roles: readonly string[], unitId?: string): string {
  if (roles.includes('member')) return '/member';
  if (roles.includes('admin') && unitId) return '/department';
  if (roles.includes('resident')) return '/resident';
  return '/desk';
}
