import type { EntityManager } from 'typeorm';
import type { ImageType } from '../domain/image-kind';

/** A stored photo's description (without its bytes). */
export interface StoredAttachment {
  sha256: string;
  type: ImageType;
  size: number;
  uploadedBy: string;
}

/**
 * What the rest of the requests service may read of the stored photos: a ticket names its photos by
 * hash, and filing it checks they were uploaded. Inject this class (it is the DI token); the attachment
 * module binds it to the database-backed store.
 */
export abstract class AttachmentReader {
  /** The stored photos among `sha256s`, without their bytes. */
  abstract describe(manager: EntityManager, sha256s: readonly string[]): Promise<StoredAttachment[]>;
}
