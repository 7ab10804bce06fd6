// The district admin's form for an Open311 api_key (ADR 0017): the client, its channel and the
// communities it may file in, checked as the requests service checks them.
import type { RequestsSchemas } from '../api/clients';

/** The issue request the requests service takes. */
export type IssueApiKey = RequestsSchemas['schemas']['IssueApiKeyRequestDto'];

/** What the admin types. */
export interface ApiKeyForm {
  clientId: string;
  clientName: string;
  channel: IssueApiKey['channel'];
  communityIds: string[];
}

/** The most communities one key may file in. */
export const maxKeyCommunities = 50;

const clientIdPattern = /^[a-z0-9-]{2,40}$/;

/** The request for the form, or the message key of what is missing or wrong. */
export function issueKeyRequest(form: ApiKeyForm): { body: IssueApiKey } | { problem: string } {
  const clientId = form.clientId.trim();
  const clientName = form.clientName.trim();
  if (!clientIdPattern.test(clientId)) return { problem: 'desk.open311.badClientId' };
  if (!clientName || clientName.length > 100) return { problem: 'desk.open311.badClientName' };
  const communityIds = [...new Set(form.communityIds)];
  if (!communityIds.length) return { problem: 'desk.open311.needCommunities' };
  if (communityIds.length > maxKeyCommunities) return { problem: 'desk.open311.tooManyCommunities' };
  return { body: { clientId, clientName, channel: form.channel, communityIds } };
}
