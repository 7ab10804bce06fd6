import { ApiProperty } from '@nestjs/swagger';
import { open311Channels, type ApiKeyRecord } from '../../domain/api-key.policy';

/** An issued Open311 api_key, without the key itself. */
export class ApiKeyResponseDto {
  @ApiProperty({ example: '0190f5c2-7b1e-7c3a-9d2e-3f4a5b6c7d8e' }) id!: string;
  @ApiProperty({ example: 'hotline-12345' }) clientId!: string;
  @ApiProperty({ example: '12345 市民服务热线' }) clientName!: string;
  @ApiProperty({ enum: open311Channels, example: 'hotline' }) channel!: string;
  @ApiProperty({ type: [String], example: ['0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60'] }) communityIds!: string[];
  @ApiProperty({
    description: 'The first 12 characters of the key, to tell keys apart',
    example: 'o311_k3Jd9xQ',
  })
  keyPrefix!: string;
  @ApiProperty({ description: 'The admin who issued it', example: 'admin-1' }) createdBy!: string;
  @ApiProperty({ example: '2026-12-07T08:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) revokedAt!: string | null;
}

/** A key just issued: the only answer that carries the key itself. */
export class IssuedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    description: 'The api_key; shown once, only a hash of it is kept',
    example: 'o311_k3Jd9xQm2v8YbTqLw0ZsR1uNcE5pHfA7iGd4oXjK6yB',
  })
  apiKey!: string;
}

/** The key as the admin reads it. */
export function toApiKeyResponse(key: ApiKeyRecord): ApiKeyResponseDto {
  return {
    id: key.id,
    clientId: key.clientId,
    clientName: key.clientName,
    channel: key.channel,
    communityIds: key.communityIds,
    keyPrefix: key.keyPrefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}
