import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { open311Channels } from '../../domain/api-key.policy';

/** A new Open311 api_key for one client. */
export class IssueApiKeyRequestDto {
  @ApiProperty({
    description:
      'The client the key belongs to, 2–40 of a–z 0–9 -; its filings are filed by open311:<clientId>, and a client reads back every request its keys filed',
    example: 'hotline-12345',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/)
  clientId!: string;

  @ApiProperty({ description: 'Name of the client, 1–100 characters', example: '12345 市民服务热线' })
  @IsString()
  @Length(1, 100)
  clientName!: string;

  @ApiProperty({
    enum: open311Channels,
    description: 'The channel its filings come through: hotline (the 12345 platform) or app (a civic app)',
    example: 'hotline',
  })
  @IsIn(open311Channels)
  channel!: (typeof open311Channels)[number];

  @ApiProperty({
    description: 'The communities (社区) the key may file in, 1–50 ids',
    example: ['0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  communityIds!: string[];
}
