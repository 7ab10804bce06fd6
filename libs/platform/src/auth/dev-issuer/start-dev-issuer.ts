import type { AddressInfo } from 'node:net';
import { DevIssuer, DevIssuerOptions, DevTokenClaims, MintOptions } from './dev-issuer';
import { createDevIssuerServer, DEV_ISSUER_JWKS_PATH } from './dev-issuer-server';

/** Where and how to run a development issuer. */
export interface StartDevIssuerOptions extends DevIssuerOptions {
  /** Port to listen on; 0 picks a free one (tests). */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless a container must reach it (docker compose). */
  host?: string;
}

/** A running development issuer. */
export interface RunningDevIssuer {
  /** Base URL, e.g. `http://127.0.0.1:4400`. */
  url: string;
  /** The JWKS URL to put in AUTH_JWKS_URL. */
  jwksUrl: string;
  /** The `iss` of its tokens. */
  issuer: string;
  /** The `aud` of its tokens. */
  audience: string;
  /** Signs a token with the running issuer's key. */
  mint(claims: DevTokenClaims, options?: MintOptions): Promise<string>;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Starts a development issuer, on loopback by default: it mints any role for anyone who can reach it. */
export async function startDevIssuer(options: StartDevIssuerOptions = {}): Promise<RunningDevIssuer> {
  const issuer = await DevIssuer.create(options);
  const server = createDevIssuerServer(issuer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  return {
    url,
    jwksUrl: `${url}${DEV_ISSUER_JWKS_PATH}`,
    issuer: issuer.issuer,
    audience: issuer.audience,
    mint: (claims, mintOptions) => issuer.mintToken(claims, mintOptions),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Services keep their JWKS connection alive; without this close() would wait for them to hang up.
        server.closeAllConnections();
      }),
  };
}
