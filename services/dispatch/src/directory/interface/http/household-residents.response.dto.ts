import { ApiProperty } from '@nestjs/swagger';
import type { ResidentHouseholdView } from '../../domain/directory-views';

/** The residents registered to a household, by account id. */
export class HouseholdResidentsResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ type: [String], example: ['resident-wang-xiuying'] }) residentIds: string[];

  /** The response for a household's residents. */
  static of(householdId: string, residentIds: string[]): HouseholdResidentsResponse {
    return Object.assign(new HouseholdResidentsResponse(), { householdId, residentIds });
  }
}

/** A household the resident is registered to, with its places' names. */
export class ResidentHouseholdResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ example: 'cp-01-01-b01-1101' }) code: string;
  @ApiProperty({ example: '幸福里 1号楼 1单元 101' }) addressLabel: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ example: '和平社区' }) communityName: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ format: 'uuid' }) compoundId: string;
  @ApiProperty({ example: '幸福里' }) compoundName: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) buildingId: string | null;
  @ApiProperty({ example: '1号楼', type: String, nullable: true }) buildingName: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;

  /** The response for a resident's household. */
  static of(view: ResidentHouseholdView): ResidentHouseholdResponse {
    return Object.assign(new ResidentHouseholdResponse(), {
      ...view,
      registeredAt: view.registeredAt.toISOString(),
    });
  }
}
