import { ApiProperty } from '@nestjs/swagger';
import type { StoredAttachment } from '../../application/attachment-reader.port';

/** A stored photo, as a ticket's attachment names it. */
export class StoredPhotoResponseDto {
  @ApiProperty({
    description: 'SHA-256 of the content (hex): the photo’s id',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'], example: 'image/jpeg' })
  type!: string;

  @ApiProperty({ description: 'Size in bytes', example: 348211 })
  size!: number;

  /** The response for a stored photo. */
  static of(stored: StoredAttachment): StoredPhotoResponseDto {
    return Object.assign(new StoredPhotoResponseDto(), {
      sha256: stored.sha256,
      type: stored.type,
      size: stored.size,
    });
  }
}
