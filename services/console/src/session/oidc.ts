// Production sign-in: the OpenID Connect authorization-code flow with PKCE against the configured issuer
// (VITE_OIDC_ISSUER, VITE_OIDC_CLIENT_ID, optionally VITE_OIDC_SCOPE). The access token it returns is
// what the services verify (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL); it must carry the same claims as
// development tokens (roles, community_ids, grid_ids, unit_id, escalation_level).

/** The OIDC client settings, from the build's environment. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

/** The settings, or undefined when the build has no OIDC issuer. */
export function oidcSettings(
  env: Record<string, string | undefined> = import.meta.env,
): OidcSettings | undefined {
  const issuer = env.VITE_OIDC_ISSUER;
  const clientId = env.VITE_OIDC_CLIENT_ID;
  if (!issuer || !clientId) return undefined;
  return {
    issuer: issuer.replace(/\/$/, ''),
    clientId,
    scope: env.VITE_OIDC_SCOPE || 'openid',
    redirectUri: `${globalThis.location.origin}/auth/callback`,
  };
}

const pendingKey = 'console.oidc.pending';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A random PKCE verifier and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

async function discover(
  settings: OidcSettings,
): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const response = await fetch(`${settings.issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery failed (HTTP ${response.status})`);
  return response.json();
}

/** Sends the browser to the issuer's sign-in page; `returnTo` is where to land afterwards. */
export async function beginOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  const { authorization_endpoint } = await discover(settings);
  const { verifier, challenge } = await pkcePair();
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(pendingKey, JSON.stringify({ state, verifier, returnTo }));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  globalThis.location.assign(url.toString());
}

/** Exchanges the callback's code for an access token; returns it and where to go next. */
export async function completeOidcSignIn(
  settings: OidcSettings,
  callback: URLSearchParams,
): Promise<{ token: string; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as {
    state: string;
    verifier: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(pendingKey);
  if (callback.get('error')) throw new Error(callback.get('error_description') ?? callback.get('error')!);
  const code = callback.get('code');
  if (!pending || !code || callback.get('state') !== pending.state) throw new Error('state mismatch');
  const { token_endpoint } = await discover(settings);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: settings.redirectUri,
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(body.error ?? `HTTP ${response.status}`);
  return { token: body.access_token, returnTo: pending.returnTo };
}
