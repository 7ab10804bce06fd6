import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentReader, StoredAttachment } from '../application/attachment-reader.port';
import type { ImageType } from '../domain/image-kind';

/** Photos by the SHA-256 of their content; storing the same photo twice keeps the first. */
@Injectable()
export class AttachmentStore implements AttachmentReader {
  /** Stores the photo unless it is stored already; returns its description. */
  async store(
    manager: EntityManager,
    photo: { sha256: string; type: ImageType; content: Buffer; uploadedBy: string },
    now: Date,
  ): Promise<StoredAttachment> {
    await manager.query(
      `INSERT INTO attachment (sha256, content_type, size, content, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING`,
      [photo.sha256, photo.type, photo.content.length, photo.content, photo.uploadedBy, now],
    );
    return (await this.describe(manager, [photo.sha256]))[0];
  }

  /** The stored photos among `sha256s`, without their bytes. */
  async describe(manager: EntityManager, sha256s: readonly string[]): Promise<StoredAttachment[]> {
    if (sha256s.length === 0) return [];
    const rows: Array<{ sha256: string; content_type: ImageType; size: number; uploaded_by: string }> =
      await manager.query(
        'SELECT sha256, content_type, size, uploaded_by FROM attachment WHERE sha256 = ANY ($1::char(64)[])',
        [sha256s],
      );
    return rows.map((row) => ({
      sha256: row.sha256,
      type: row.content_type,
      size: Number(row.size),
      uploadedBy: row.uploaded_by,
    }));
  }

  /** The photo's bytes and type, or null. */
  async content(
    manager: EntityManager,
    sha256: string,
  ): Promise<{ type: ImageType; content: Buffer } | null> {
    const rows: Array<{ content_type: ImageType; content: Buffer }> = await manager.query(
      'SELECT content_type, content FROM attachment WHERE sha256 = $1',
      [sha256],
    );
    return rows[0] ? { type: rows[0].content_type, content: rows[0].content } : null;
  }

  /** Ids of the tickets that carry the photo. */
  async ticketsCarrying(manager: EntityManager, sha256: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM ticket WHERE attachments @> $1::jsonb LIMIT 20',
      [JSON.stringify([{ sha256 }])],
    );
    return rows.map((row) => row.id);
  }
}
