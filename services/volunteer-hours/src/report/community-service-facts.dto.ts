import { ApiProperty } from '@nestjs/swagger';
import {
  CommunityServiceFacts,
  CommunityServiceFactsRequest,
  CommunityServiceFactsResponse,
  MONTHLY_REPORT_MAX_COMMUNITIES,
} from '@loop/contracts';
import { serviceMonthPattern } from '@loop/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, Matches } from 'class-validator';

/** Which month and which communities the monthly report asks about. */
export class CommunityServiceFactsRequestDto implements CommunityServiceFactsRequest {
  @ApiProperty({ example: '2026-11', description: 'Service month YYYY-MM (Asia/Shanghai)' })
  @Matches(serviceMonthPattern, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MONTHLY_REPORT_MAX_COMMUNITIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MONTHLY_REPORT_MAX_COMMUNITIES)
  @IsUUID('all', { each: true })
  communityIds!: string[];
}

/** One community's service figures in the month. */
export class CommunityServiceFactsDto implements CommunityServiceFacts {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ example: 38, description: 'Members with credited time standing in the month' })
  activeMembers!: number;
  @ApiProperty({ example: 5640, description: 'Minutes credited less minutes reversed in the month' })
  minutesServed!: number;
  @ApiProperty({ example: 4, description: 'Volunteer activities that started in the month' })
  activitiesHeld!: number;
  @ApiProperty({ example: 57, description: 'Members checked out of those activities' })
  activityAttendances!: number;
}

/** One entry per community asked about. */
export class CommunityServiceFactsResponseDto implements CommunityServiceFactsResponse {
  @ApiProperty({ type: [CommunityServiceFactsDto] }) communities!: CommunityServiceFactsDto[];
}
