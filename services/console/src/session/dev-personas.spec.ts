import { describe, expect, it, vi } from 'vitest';
import { loadPersonas, mintPersonaToken, type Persona } from './dev-personas';

const member: Persona = {
  key: 'member',
  description: 'm-0114',
  claims: { sub: 'm-0114', roles: ['member'] },
};

function answer(status: number, body: unknown, type = 'application/json'): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }));
}

describe('the development sign-in', () => {
  it('offers the personas the development server lists, skipping malformed ones', async () => {
    const fetchImpl = answer(200, { personas: [member, { key: 'broken' }] });
    await expect(loadPersonas(fetchImpl)).resolves.toEqual([member]);
  });

  it('offers nobody where the server has no persona file (production answers index.html)', async () => {
    await expect(loadPersonas(answer(200, '<!doctype html>', 'text/html'))).resolves.toEqual([]);
    await expect(loadPersonas(answer(404, {}))).resolves.toEqual([]);
  });

  it('mints a token for the persona’s claims with the development issuer', async () => {
    const fetchImpl = answer(200, { access_token: 'token-1', token_type: 'Bearer' });
    await expect(mintPersonaToken(member, fetchImpl)).resolves.toBe('token-1');
    const [url, init] = vi.mocked(fetchImpl).mock.calls[0];
    expect(url).toBe('/dev-issuer/tokens');
    expect(JSON.parse(String(init?.body))).toEqual({ sub: 'm-0114', roles: ['member'], expires_in: '8h' });
  });

  it('says why the issuer refused', async () => {
    await expect(mintPersonaToken(member, answer(400, { error: 'roles must be a list' }))).rejects.toThrow(
      'roles must be a list',
    );
  });
});
