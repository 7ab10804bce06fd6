import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';

/**
 * Where a ticket is, as people name the places (names of public places, never a household or a room:
 * those identify a home and stay in the services that own them).
 */
@Describe('Where a ticket is, as people name the places; never a household or a room.')
export class PlaceLabels {
  @Describe('Name of the community (社区).')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  community?: string;

  @Describe('Name of the grid (网格).')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  grid?: string;

  @Describe('Name of the residential compound (小区).')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  compound?: string;

  @Describe('Name of the building (楼栋).')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  building?: string;
}
