import { createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { counterMetric } from '../metrics/metric-registry';
import type { ProblemException } from '../errors/problem.exception';
import { claimsInvalid, signingKeysUnavailable, tokenExpired, tokenInvalid } from './auth-problems';
import type { AuthSettings } from './auth-settings';
import { AuthenticatedUser, InvalidClaimsError, userFromClaims } from './authenticated-user';

// Asymmetric algorithms only: accepting HS256 would let anyone holding a public key forge tokens.
const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];
// Tolerates small clock differences between the identity provider and our pods.
const CLOCK_TOLERANCE_SECONDS = 5;

// People send the same token with every request of a session: verified once, it is served from memory
// until it expires. Bounded, so a flood of distinct tokens cannot grow the process.
const VERIFIED_TOKENS_KEPT = 10_000;

function cacheHits() {
  return counterMetric({
    name: 'auth_token_cache_hits_total',
    help: 'Bearer tokens served from the cache of verified tokens instead of verifying their signature again',
  });
}

/**
 * Verifies bearer tokens against the identity provider's JWKS: signature, issuer, audience, expiry.
 * The key set is fetched once and cached by jose, refetched when a token names an unknown key id. A
 * verified token is remembered until its `exp`, so a session's requests verify its signature once.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new LRUCache<string, { user: AuthenticatedUser; expiresAtMs: number }>({
    max: VERIFIED_TOKENS_KEPT,
  });

  constructor(private readonly settings: AuthSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 3000 });
  }

  /** Returns the user `token` stands for; throws a 401 (or 503 when keys cannot be fetched) ProblemException. */
  async verify(token: string): Promise<AuthenticatedUser> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) {
      cacheHits().inc();
      return known.user;
    }
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      // Shared by every request that carries the token: frozen, so none can change it for the others.
      const user = deepFrozen(userFromClaims(payload));
      // Kept until its expiry exactly (no tolerance): past it, the token is verified, and refused, afresh.
      if (payload.exp !== undefined) this.verified.set(token, { user, expiresAtMs: payload.exp * 1000 });
      return user;
    } catch (error) {
      throw problemFor(error);
    }
  }
}

function deepFrozen(user: AuthenticatedUser): AuthenticatedUser {
  for (const value of Object.values(user)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(user);
}

function problemFor(error: unknown): ProblemException {
  if (error instanceof errors.JWTExpired) return tokenExpired();
  if (error instanceof InvalidClaimsError) return claimsInvalid(error.explanation);
  // Only failures to reach the key set are ours; every other jose error means the token is bad.
  if (error instanceof errors.JWKSTimeout || isNetworkFailure(error)) return signingKeysUnavailable();
  if (error instanceof errors.JOSEError) return tokenInvalid();
  throw error;
}

// jose rethrows socket errors (ECONNREFUSED…) as they are and reports bad JWKS responses as generic
// JOSE errors mentioning the "JSON Web Key Set HTTP response".
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) {
    return error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set HTTP response/.test(error.message);
  }
  // Duck-typed: socket errors come from Node's core, which is not always the realm `Error` belongs to.
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}
