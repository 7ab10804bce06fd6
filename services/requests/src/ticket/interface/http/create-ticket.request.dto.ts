import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCategories, ticketSources, ticketUrgencies } from '@loop/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const categoryCodes = ticketCategories.map((category) => category.code);

/** Where the need is. */
export class TicketLocationRequestDto {
  @ApiProperty({ description: 'Community (社区) id', example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ description: 'Grid (网格) id', example: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71' })
  @IsUUID()
  gridId!: string;

  @ApiPropertyOptional({
    description: 'Residential compound (小区) id',
    example: '2e2a8b74-3f0c-4d9a-9c77-5a4b3e6d7c82',
  })
  @IsOptional()
  @IsUUID()
  compoundId?: string;

  @ApiPropertyOptional({ description: 'Building (楼栋) id', example: '3f3b9c85-4a1d-4e0b-8d88-6b5c4f7e8d93' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({
    description: 'Household (住户) id',
    example: '4a4c0d96-5b2e-4f1c-9e99-7c6d5a8f9ea4',
  })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    description: 'Address as written, at most 200 characters',
    example: '幸福小区 3 号楼 2 单元',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ description: 'WGS-84 latitude', example: 37.9003 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ description: 'WGS-84 longitude', example: 114.6856 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;
}

/** How to reach the resident; stays in this service. */
export class ResidentContactRequestDto {
  @ApiPropertyOptional({ description: 'Name, at most 50 characters', example: '王阿姨' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ description: 'Phone number', example: '13800138000' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{4,19}$/)
  phone?: string;
}

/** A reference to a stored file. */
export class AttachmentRequestDto {
  @ApiProperty({ description: 'File name, at most 200 characters', example: 'stairwell-light.jpg' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'MIME type', example: 'image/jpeg' })
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/)
  type!: string;

  @ApiProperty({ description: 'Size in bytes, at most 20 MB', example: 348211 })
  @IsInt()
  @Min(1)
  @Max(20 * 1024 * 1024)
  size!: number;

  @ApiProperty({
    description: 'SHA-256 of the content, hex',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

/** A new ticket. */
export class CreateTicketRequestDto {
  @ApiPropertyOptional({
    description:
      "The resident served, when a grid worker or staff member files on their behalf; a resident's own id otherwise (may be omitted). Omit for a patrol finding with no resident.",
    example: 'resident-1024',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
  residentId?: string;

  @ApiPropertyOptional({
    enum: ticketSources,
    description:
      'Channel; residents use app (the default for them), grid workers default to grid_patrol, staff to walk_in',
    example: 'app',
  })
  @IsOptional()
  @IsIn(ticketSources)
  source?: (typeof ticketSources)[number];

  @ApiProperty({
    enum: categoryCodes,
    description: 'Category code from GET /categories',
    example: 'property.repair',
  })
  @IsIn(categoryCodes)
  categoryCode!: string;

  @ApiProperty({ enum: ticketUrgencies, example: 'normal' })
  @IsIn(ticketUrgencies)
  urgency!: (typeof ticketUrgencies)[number];

  @ApiProperty({ description: 'Short title, 4–60 characters', example: '楼道灯不亮' })
  @IsString()
  @Length(4, 60)
  title!: string;

  @ApiProperty({
    description: 'What is needed, 10–2000 characters',
    example: '3 号楼 2 单元 4 楼楼道灯坏了一周，晚上老人上下楼不方便。',
  })
  @IsString()
  @Length(10, 2000)
  description!: string;

  @ApiProperty({ type: TicketLocationRequestDto })
  @ValidateNested()
  @Type(() => TicketLocationRequestDto)
  location!: TicketLocationRequestDto;

  @ApiPropertyOptional({ type: ResidentContactRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResidentContactRequestDto)
  contact?: ResidentContactRequestDto;

  @ApiPropertyOptional({ type: [AttachmentRequestDto], description: 'At most 10 attachments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRequestDto)
  attachments?: AttachmentRequestDto[];
}
