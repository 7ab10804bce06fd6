// The signed-in person: their token, its claims and, for the demo personas, the home they file
// requests from. Kept in sessionStorage: a reload keeps the person signed in, closing the tab signs them
// out, and two tabs can be two people (a resident and a member side by side). Cleared on sign-out or
// when a service answers 401.
import { computed, ref } from 'vue';
import { decodeClaims, expiresSoon, type SessionClaims } from './claims';

/** Where a resident lives, as the development personas carry it (the directory knows it in production). */
export interface Home {
  communityId: string;
  gridId: string;
  householdId?: string;
  /** The household's address as people read it. */
  label?: string;
}

/** What is remembered of a sign-in. */
export interface StoredSession {
  token: string;
  /** How the person was introduced on sign-in ("居民 resident-42"). */
  label: string;
  home?: Home;
}

const storageKey = 'console.session';

function readStored(): StoredSession | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(storageKey);
    const stored = raw ? (JSON.parse(raw) as StoredSession) : undefined;
    return stored && typeof stored.token === 'string' && decodeClaims(stored.token) ? stored : undefined;
  } catch {
    return undefined;
  }
}

const current = ref<StoredSession | undefined>(readStored());

/** The current session, reactive; undefined when nobody is signed in. */
export const session = computed(() => current.value);

/** The claims of the current token, reactive. */
export const claims = computed<SessionClaims | undefined>(() =>
  current.value ? decodeClaims(current.value.token) : undefined,
);

/** The current bearer token, or undefined. */
export function accessToken(): string | undefined {
  return current.value?.token;
}

/** Signs a person in with a token; refuses a token that is not a JWT. */
export function signIn(next: StoredSession): SessionClaims {
  const decoded = decodeClaims(next.token);
  if (!decoded) throw new Error('not a JWT with a subject');
  current.value = next;
  globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(next));
  return decoded;
}

/** Forgets the session. */
export function signOut(): void {
  current.value = undefined;
  globalThis.sessionStorage?.removeItem(storageKey);
}

/** True when someone is signed in with a token that is not about to expire. */
export function isSignedIn(nowMs: number = Date.now()): boolean {
  const decoded = claims.value;
  return decoded !== undefined && !expiresSoon(decoded, nowMs);
}

/** The first community of the token, which the phone screens work in. */
export function ownCommunityId(): string | undefined {
  return current.value?.home?.communityId ?? claims.value?.community_ids?.[0];
}

/** Where the person files requests from: the persona's home, else the token's first community and grid. */
export function accountHome(): Home | undefined {
  if (current.value?.home) return current.value.home;
  const communityId = claims.value?.community_ids?.[0];
  const gridId = claims.value?.grid_ids?.[0];
  return communityId && gridId ? { communityId, gridId } : undefined;
}
