import { describe, expect, it } from 'vitest';
import { issueKeyRequest, maxKeyCommunities, type ApiKeyForm } from './open311-key-form';

const community = 'c1a2b3c4-0000-4000-8000-000000000001';
const form = (overrides: Partial<ApiKeyForm> = {}): ApiKeyForm => ({
  clientId: 'hotline-12345',
  clientName: '12345 市民服务热线',
  channel: 'hotline',
  communityIds: [community],
  ...overrides,
});

describe('issuing an Open311 api_key for a civic client', () => {
  it('sends the client, its channel and its communities, trimmed and once each', () => {
    expect(
      issueKeyRequest(form({ clientId: ' hotline-12345 ', communityIds: [community, community] })),
    ).toEqual({
      body: {
        clientId: 'hotline-12345',
        clientName: '12345 市民服务热线',
        channel: 'hotline',
        communityIds: [community],
      },
    });
  });

  it('refuses a client id that is not 2–40 lower-case letters, digits and dashes', () => {
    expect(issueKeyRequest(form({ clientId: 'Hotline 12345' }))).toEqual({
      problem: 'desk.open311.badClientId',
    });
    expect(issueKeyRequest(form({ clientId: 'h' }))).toEqual({ problem: 'desk.open311.badClientId' });
  });

  it('asks for the client’s name', () => {
    expect(issueKeyRequest(form({ clientName: ' ' }))).toEqual({ problem: 'desk.open311.badClientName' });
  });

  it('asks for 1 to 50 communities', () => {
    expect(issueKeyRequest(form({ communityIds: [] }))).toEqual({ problem: 'desk.open311.needCommunities' });
    const many = Array.from({ length: maxKeyCommunities + 1 }, (_, n) => `community-${n}`);
    expect(issueKeyRequest(form({ communityIds: many }))).toEqual({
      problem: 'desk.open311.tooManyCommunities',
    });
  });
});
