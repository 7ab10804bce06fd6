import { beforeEach, describe, expect, it } from 'vitest';
import { decodeClaims, expiresSoon, homePathFor } from './claims';
import { accountHome, claims, isSignedIn, signIn, signOut } from './session';

/** An unsigned JWT with the given payload (the console never verifies signatures; the services do). */
function jwt(payload: object): string {
  const part = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  return `${part({ alg: 'ES256' })}.${part(payload)}.signature`;
}

describe('the session', () => {
  beforeEach(() => signOut());

  it('reads the roles, communities and expiry from a token, including non-ASCII claims', () => {
    const decoded = decodeClaims(
      jwt({ sub: 'resident-42', roles: ['resident'], community_ids: ['c'], note: '冶河' }),
    );
    expect(decoded).toMatchObject({ sub: 'resident-42', roles: ['resident'], community_ids: ['c'] });
    expect(decodeClaims('not-a-token')).toBeUndefined();
    expect(decodeClaims(jwt({ roles: ['resident'] }))).toBeUndefined();
  });

  it('treats a token about to expire as signed out', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(expiresSoon({ sub: 'a', roles: [], exp: now / 1000 + 10 }, now)).toBe(true);
    expect(expiresSoon({ sub: 'a', roles: [], exp: now / 1000 + 3600 }, now)).toBe(false);
    expect(expiresSoon({ sub: 'a', roles: [] }, now)).toBe(false);
  });

  it('remembers a sign-in across reloads of the tab and forgets it on sign-out', () => {
    signIn({
      token: jwt({ sub: 'm-0001', roles: ['member'], exp: Date.now() / 1000 + 3600 }),
      label: '党员 m-0001',
    });
    expect(isSignedIn()).toBe(true);
    expect(JSON.parse(sessionStorage.getItem('console.session')!)).toMatchObject({ label: '党员 m-0001' });
    expect(claims.value?.sub).toBe('m-0001');
    signOut();
    expect(isSignedIn()).toBe(false);
    expect(sessionStorage.getItem('console.session')).toBeNull();
  });

  it('refuses a token that is not a JWT', () => {
    expect(() => signIn({ token: 'opaque', label: '' })).toThrow('not a JWT');
    expect(isSignedIn()).toBe(false);
  });

  it('files from the persona’s home, else from the token’s first community and grid', () => {
    signIn({
      token: jwt({ sub: 'r', roles: ['resident'], community_ids: ['c1'], grid_ids: ['g1'] }),
      label: '',
    });
    expect(accountHome()).toEqual({ communityId: 'c1', gridId: 'g1' });
    const home = { communityId: 'c2', gridId: 'g2', householdId: 'h2' };
    signIn({ token: jwt({ sub: 'r', roles: ['resident'] }), label: '', home });
    expect(accountHome()).toEqual(home);
    signIn({ token: jwt({ sub: 'r', roles: ['resident'], community_ids: ['c1'] }), label: '' });
    expect(accountHome()).toBeUndefined();
  });

  it('sends members to their offers, residents to the request form and everyone else to the desk', () => {
    expect(homePathFor(['member'])).toBe('/member');
    expect(homePathFor(['resident'])).toBe('/resident');
    expect(homePathFor(['staff'])).toBe('/desk');
    expect(homePathFor(['official'])).toBe('/desk');
  });

  it('sends a department’s unit admin to its summonses and the district admin to the desk', () => {
    expect(homePathFor(['admin'], 'unit-d-01')).toBe('/department');
    expect(homePathFor(['admin'])).toBe('/desk');
  });
});
