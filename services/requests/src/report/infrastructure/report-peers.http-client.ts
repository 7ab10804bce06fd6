// The figures the monthly report needs from the services that own them: what party members did
// (volunteer-hours) and the "1+10" household coverage with the communities' names (dispatch), asked with
// the reader's token so each service applies its own scope rules.
import { Inject, Injectable } from '@nestjs/common';
import type {
  CommunityServiceFacts,
  CommunityServiceFactsRequest,
  CommunityServiceFactsResponse,
  HouseholdCoverageFacts,
  HouseholdCoverageRequest,
  HouseholdCoverageResponse,
} from '@loop/contracts';
import { RequestsConfig } from '../../config/requests.config';
import { expectList, postJson } from '../../shared/peer-http';

/** The report's peers; each call throws PeerCallError when the peer cannot answer. */
@Injectable()
export class ReportPeersHttpClient {
  constructor(@Inject(RequestsConfig) private readonly config: RequestsConfig) {}

  /** Active members, minutes served and activities per community in `month`. */
  async communityService(
    month: string,
    communityIds: string[],
    token: string,
  ): Promise<CommunityServiceFacts[]> {
    const body = (await postJson(
      'volunteer-hours',
      this.config.VOLUNTEER_HOURS_URL,
      'reports/community-service',
      {
        month,
        communityIds,
      } satisfies CommunityServiceFactsRequest,
      token,
    )) as Partial<CommunityServiceFactsResponse>;
    return expectList('volunteer-hours', body.communities, 'communities');
  }

  /** Households, households linked to a member and members per community, with its name. */
  async householdCoverage(communityIds: string[], token: string): Promise<HouseholdCoverageFacts[]> {
    const body = (await postJson(
      'dispatch',
      this.config.DISPATCH_URL,
      'reports/household-coverage',
      {
        communityIds,
      } satisfies HouseholdCoverageRequest,
      token,
    )) as Partial<HouseholdCoverageResponse>;
    return expectList('dispatch', body.communities, 'communities');
  }
}
