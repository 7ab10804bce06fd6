// Development sign-in: `npm start` serves the demo district's people at /dev/personas.json and the
// development token issuer under /dev-issuer; picking a persona mints a token for their claims. In
// production neither exists, so the picker does not appear and the OIDC sign-in is used instead.
import type { SessionClaims } from './claims';
import type { Home } from './session';

/** A person of the demo district to sign in as. */
export interface Persona {
  /** Which role of the picker: resident, grid_worker, staff, secretary, member, official, leader, admin. */
  key: string;
  /** Who they are ("resident-42 · 冶河社区"). */
  description: string;
  /** The claims their token carries. */
  claims: Omit<SessionClaims, 'exp'>;
  /** Where a resident lives, for filing requests. */
  home?: Home;
}

function isPersona(value: unknown): value is Persona {
  const persona = value as Persona;
  return (
    typeof persona === 'object' &&
    persona !== null &&
    typeof persona.key === 'string' &&
    typeof persona.description === 'string' &&
    typeof persona.claims?.sub === 'string' &&
    Array.isArray(persona.claims.roles)
  );
}

/** The personas the development server offers; empty when it offers none (production). */
export async function loadPersonas(fetchImpl: typeof fetch = fetch): Promise<Persona[]> {
  try {
    const response = await fetchImpl('/dev/personas.json', { headers: { Accept: 'application/json' } });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return [];
    const body = (await response.json()) as { personas?: unknown };
    return Array.isArray(body.personas) ? body.personas.filter(isPersona) : [];
  } catch {
    return [];
  }
}

/** Mints a token for a persona with the development issuer. */
export async function mintPersonaToken(persona: Persona, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await fetchImpl('/dev-issuer/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...persona.claims, expires_in: '8h' }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body.access_token;
}
