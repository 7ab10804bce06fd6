import { placeId } from '@loop/contracts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { register } from 'prom-client';
import { ProblemException } from '../../errors/problem.exception';
import { TokenVerifier } from '../token-verifier';
import { DevIssuer } from './dev-issuer';
import { DEV_ISSUER_AUDIENCE, DEV_ISSUER_ISSUER } from './dev-issuer.constants';
import { RunningDevIssuer, startDevIssuer } from './start-dev-issuer';

async function rejection(promise: Promise<unknown>): Promise<ProblemException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a ProblemException');
}

describe('the development issuer', () => {
  let directory: string;
  let running: RunningDevIssuer;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
    running = await startDevIssuer({ port: 0, keyFile: join(directory, 'key.json') });
  });

  afterAll(async () => {
    await running.close();
    await rm(directory, { recursive: true, force: true });
  });

  const verifierFor = (
    issuer: RunningDevIssuer,
    overrides: Partial<{ issuer: string; audience: string }> = {},
  ) =>
    new TokenVerifier({
      jwksUrl: issuer.jwksUrl,
      issuer: issuer.issuer,
      audience: issuer.audience,
      ...overrides,
    });

  it('mints ES256 tokens that verify against its published JWKS', async () => {
    const token = await running.mint({ sub: 'staff-1', roles: ['staff'], community_ids: ['c-1'] });

    const user = await verifierFor(running).verify(token);

    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    expect(user).toEqual({
      id: 'staff-1',
      roles: ['staff'],
      communityIds: [placeId('community', 'c-1')],
      gridIds: [],
    });
    expect(running.issuer).toBe(DEV_ISSUER_ISSUER);
    expect(running.audience).toBe(DEV_ISSUER_AUDIENCE);
  });

  it('signs tokens from the command line with the same key file the server publishes', async () => {
    const sameKey = await DevIssuer.create({ keyFile: join(directory, 'key.json') });

    const token = await sameKey.mintToken({ sub: 'resident-1', roles: ['resident'] });

    await expect(verifierFor(running).verify(token)).resolves.toMatchObject({ id: 'resident-1' });
    expect(JSON.parse(await readFile(join(directory, 'key.json'), 'utf8')).kid).toBe(
      sameKey.jwks().keys[0].kid,
    );
  });

  it('mints a token over HTTP from a JSON body of claims', async () => {
    const response = await fetch(`${running.url}/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sub: 'member-9', roles: ['member'], unit_id: 'unit-1' }),
    });
    const body = (await response.json()) as { access_token: string; token_type: string };

    expect(response.status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    await expect(verifierFor(running).verify(body.access_token)).resolves.toMatchObject({ unitId: 'unit-1' });
  });

  it('answers a bad token request with 400 and the reason', async () => {
    const response = await fetch(`${running.url}/tokens`, { method: 'POST', body: '{"roles":["staff"]}' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'sub must be a non-empty string' });
  });

  it('rejects a token signed by another key as invalid', async () => {
    const stranger = await DevIssuer.create();
    const token = await stranger.mintToken({ sub: 'intruder', roles: ['admin'] });

    const problem = await rejection(verifierFor(running).verify(token));

    expect(problem.getStatus()).toBe(401);
    expect(problem.code).toBe('auth.token-invalid');
  });

  it('rejects a token for another audience and a token from another issuer', async () => {
    const token = await running.mint({ sub: 'staff-1', roles: ['staff'] });

    const wrongAudience = await rejection(verifierFor(running, { audience: 'another-system' }).verify(token));
    const wrongIssuer = await rejection(
      verifierFor(running, { issuer: 'https://id.example.org' }).verify(token),
    );

    expect(wrongAudience.code).toBe('auth.token-invalid');
    expect(wrongIssuer.code).toBe('auth.token-invalid');
  });

  it('reports an expired token as expired', async () => {
    const token = await running.mint({ sub: 'staff-1', roles: ['staff'] }, { expiresIn: '-1h' });

    const problem = await rejection(verifierFor(running).verify(token));

    expect(problem.code).toBe('auth.token-expired');
  });

  it('answers 503 rather than 401 when the signing keys cannot be fetched', async () => {
    const gone = await startDevIssuer({ port: 0 });
    const token = await gone.mint({ sub: 'staff-1', roles: ['staff'] });
    await gone.close();

    const problem = await rejection(verifierFor(gone).verify(token));

    expect(problem.getStatus()).toBe(503);
    expect(problem.code).toBe('auth.keys-unavailable');
  });
});

describe('the cache of verified tokens', () => {
  let running: RunningDevIssuer;

  beforeAll(async () => {
    running = await startDevIssuer({ port: 0 });
  });
  afterAll(() => running.close());

  const verifier = () =>
    new TokenVerifier({ jwksUrl: running.jwksUrl, issuer: running.issuer, audience: running.audience });
  const hits = async () =>
    (await register.getSingleMetric('auth_token_cache_hits_total')?.get())?.values[0]?.value ?? 0;

  it('verifies a token once and serves it from memory for the rest of its life', async () => {
    const tokens = verifier();
    const token = await running.mint({ sub: 'staff-1', roles: ['staff'], community_ids: ['c-1'] });
    const first = await tokens.verify(token);
    const before = await hits();

    const second = await tokens.verify(token);

    expect(second).toEqual(first);
    expect(await hits()).toBe(before + 1);
    expect(Object.isFrozen(second.roles)).toBe(true);
  });

  it('verifies a remembered token afresh once it has expired, never serving it from memory', async () => {
    const tokens = verifier();
    const token = await running.mint({ sub: 'staff-1', roles: ['staff'] }, { expiresIn: '2s' });
    await tokens.verify(token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const before = await hits();
    const user = await tokens.verify(token).catch((problem: ProblemException) => problem);
    expect(await hits()).toBe(before);
    // Within jose's tolerance the signature is checked again (and accepted); never served from memory.
    expect(user).not.toBeInstanceOf(Error);
  });
});
