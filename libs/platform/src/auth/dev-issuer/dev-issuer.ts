import { randomUUID } from 'node:crypto';
import { JSONWebKeySet, SignJWT } from 'jose';
import type { Role } from '../roles';
import { DEV_ISSUER_ALGORITHM, DEV_ISSUER_AUDIENCE, DEV_ISSUER_ISSUER } from './dev-issuer.constants';
import { DevIssuerKey, loadOrCreateDevIssuerKey } from './dev-issuer-key';

/** The claims of a development token, named as a real identity provider would send them. */
export interface DevTokenClaims {
  sub: string;
  roles: Role[];
  community_ids?: string[];
  grid_ids?: string[];
  unit_id?: string;
  escalation_level?: number;
}

/** How a development issuer is set up. */
export interface DevIssuerOptions {
  /** JSON file holding the key pair; created when missing. Without it the key lives in memory. */
  keyFile?: string;
  /** The `iss` of minted tokens; defaults to {@link DEV_ISSUER_ISSUER}. */
  issuer?: string;
  /** The `aud` of minted tokens; defaults to {@link DEV_ISSUER_AUDIENCE}. */
  audience?: string;
}

/** Options for one minted token. */
export interface MintOptions {
  /** Lifetime as a jose time span (`'15m'`, `'8h'`) or seconds; default 8 hours, one working day. */
  expiresIn?: string | number;
}

const DEFAULT_LIFETIME = '8h';

/**
 * A local stand-in for the identity provider: signs tokens with its own ES256 key and publishes the
 * public key as a JWKS, so services verify development tokens exactly as they verify real ones.
 */
export class DevIssuer {
  private constructor(
    private readonly key: DevIssuerKey,
    /** The `iss` of tokens this issuer mints. */
    readonly issuer: string,
    /** The `aud` of tokens this issuer mints. */
    readonly audience: string,
  ) {}

  /** Creates an issuer, loading or creating its key. */
  static async create(options: DevIssuerOptions = {}): Promise<DevIssuer> {
    return new DevIssuer(
      await loadOrCreateDevIssuerKey(options.keyFile),
      options.issuer ?? DEV_ISSUER_ISSUER,
      options.audience ?? DEV_ISSUER_AUDIENCE,
    );
  }

  /** Signs a token carrying `claims`. */
  async mintToken(claims: DevTokenClaims, options: MintOptions = {}): Promise<string> {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: DEV_ISSUER_ALGORITHM, kid: this.key.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(lifetime(options.expiresIn))
      .sign(this.key.privateKey);
  }

  /** The public key set services fetch to verify tokens. */
  jwks(): JSONWebKeySet {
    return { keys: [this.key.publicJwk] };
  }
}

function lifetime(expiresIn: string | number | undefined): string | number {
  if (expiresIn === undefined) return DEFAULT_LIFETIME;
  // jose reads a number as an absolute timestamp; callers mean "seconds from now".
  return typeof expiresIn === 'number' ? `${expiresIn}s` : expiresIn;
}
