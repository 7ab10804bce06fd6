import type { PlatformConfig } from '../config/platform.config';
import {
  DEV_ISSUER_AUDIENCE,
  DEV_ISSUER_ISSUER,
  DEV_ISSUER_JWKS_URL,
} from './dev-issuer/dev-issuer.constants';

/** Where signing keys come from and which issuer and audience tokens must name. */
export interface AuthSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
}

/**
 * The token verification settings for `config`. With AUTH_DEV_ISSUER=true, unset values default to the
 * development issuer's; the verification itself is the same code path as in production.
 */
export function resolveAuthSettings(config: PlatformConfig): AuthSettings {
  const settings = config.AUTH_DEV_ISSUER
    ? {
        jwksUrl: config.AUTH_JWKS_URL ?? DEV_ISSUER_JWKS_URL,
        issuer: config.AUTH_ISSUER ?? DEV_ISSUER_ISSUER,
        audience: config.AUTH_AUDIENCE ?? DEV_ISSUER_AUDIENCE,
      }
    : { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  const { jwksUrl, issuer, audience } = settings;
  // PlatformConfig validation guarantees these; the check keeps a hand-built config from slipping through.
  if (!jwksUrl || !issuer || !audience) {
    throw new Error('AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE are required unless AUTH_DEV_ISSUER=true');
  }
  return { jwksUrl, issuer, audience };
}
