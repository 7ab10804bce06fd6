/** Port the development issuer listens on (tools/dev-issuer `serve`). */
export const DEV_ISSUER_PORT = 4400;
/** JWKS URL services use when AUTH_DEV_ISSUER=true and AUTH_JWKS_URL is not set. */
export const DEV_ISSUER_JWKS_URL = `http://127.0.0.1:${DEV_ISSUER_PORT}/.well-known/jwks.json`;
/**
 * The `iss` of development tokens, and the AUTH_ISSUER services expect by default with the dev issuer.
 * It is the issuer's default address, as an OpenID provider's issuer is its URL; an issuer started on
 * another port (tests) keeps this value, so services only ever need AUTH_JWKS_URL to find it.
 */
export const DEV_ISSUER_ISSUER = `http://127.0.0.1:${DEV_ISSUER_PORT}`;
/** The `aud` of development tokens, and the AUTH_AUDIENCE services expect by default with the dev issuer. */
export const DEV_ISSUER_AUDIENCE = 'grassroots-loop';
/** The signing algorithm of development tokens. */
export const DEV_ISSUER_ALGORITHM = 'ES256';
