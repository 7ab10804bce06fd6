import { ApiProperty } from '@nestjs/swagger';
import {
  HouseholdCoverageFacts,
  HouseholdCoverageRequest,
  HouseholdCoverageResponse,
  MONTHLY_REPORT_MAX_COMMUNITIES,
} from '@loop/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** The communities the monthly report asks about. */
export class HouseholdCoverageRequestDto implements HouseholdCoverageRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MONTHLY_REPORT_MAX_COMMUNITIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MONTHLY_REPORT_MAX_COMMUNITIES)
  @IsUUID('all', { each: true })
  communityIds!: string[];
}

/** One community's "1+10" coverage. */
export class HouseholdCoverageFactsDto implements HouseholdCoverageFacts {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ example: '冶河社区' }) name!: string;
  @ApiProperty({ example: 864 }) households!: number;
  @ApiProperty({ example: 812, description: 'Households linked to at least one active member' })
  householdsLinked!: number;
  @ApiProperty({ example: 87, description: 'Active members registered in the community' }) members!: number;
}

/** One entry per known community asked about. */
export class HouseholdCoverageResponseDto implements HouseholdCoverageResponse {
  @ApiProperty({ type: [HouseholdCoverageFactsDto] }) communities!: HouseholdCoverageFactsDto[];
}
