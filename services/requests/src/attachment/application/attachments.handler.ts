import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, ProblemException } from '@loop/platform';
import { DataSource } from 'typeorm';
import { TicketReader } from '../../ticket/application/ticket-reader.port';
import { canView, Viewer } from '../../ticket/domain/ticket-visibility.policy';
import { AttachmentNotFoundError } from '../domain/attachment.errors';
import { ImageType, imageTypeOf, imageTypes } from '../domain/image-kind';
import { AttachmentStore } from '../infrastructure/attachment-store.typeorm-repository';
import type { StoredAttachment } from './attachment-reader.port';

/** Uploads photos for tickets and serves them to the people who may see them. */
@Injectable()
export class AttachmentsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AttachmentStore,
    private readonly tickets: TicketReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Stores an uploaded photo: its declared type must be an accepted image type (415) and its content
   * must really be one (415 otherwise), so nothing but images is ever served back.
   */
  async upload(
    declaredType: string | undefined,
    content: Buffer,
    uploadedBy: string,
  ): Promise<StoredAttachment> {
    const type = (declaredType ?? '').split(';')[0].trim().toLowerCase();
    if (!imageTypes.includes(type as ImageType)) throw unsupported();
    if (imageTypeOf(content) !== type) throw notThatImage(type);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.store.store(
      this.dataSource.manager,
      { sha256, type: type as ImageType, content, uploadedBy },
      this.clock.now(),
    );
  }

  /** The photo, for its uploader or anyone who may see a ticket carrying it; 404 for everyone else. */
  async read(viewer: Viewer, sha256: string): Promise<{ type: ImageType; content: Buffer }> {
    const manager = this.dataSource.manager;
    const [stored] = await this.store.describe(manager, [sha256]);
    if (!stored || !(stored.uploadedBy === viewer.id || (await this.seenOnAVisibleTicket(viewer, sha256))))
      throw new AttachmentNotFoundError(sha256);
    const photo = await this.store.content(manager, sha256);
    if (!photo) throw new AttachmentNotFoundError(sha256);
    return photo;
  }

  private async seenOnAVisibleTicket(viewer: Viewer, sha256: string): Promise<boolean> {
    const ids = await this.store.ticketsCarrying(this.dataSource.manager, sha256);
    if (ids.length === 0) return false;
    const tickets = await this.tickets.byIds(this.dataSource.manager, ids);
    return tickets.some((ticket) => canView(viewer, ticket));
  }
}

function unsupported(): ProblemException {
  return new ProblemException(415, 'attachment.unsupported-type', {
    'zh-CN': '只能上传 JPEG、PNG 或 WebP 格式的图片',
    en: 'Upload a JPEG, PNG or WebP image',
  });
}

function notThatImage(type: string): ProblemException {
  return new ProblemException(415, 'attachment.not-an-image', {
    'zh-CN': '文件内容不是所声明格式的图片',
    en: `The content is not a ${type} image`,
  });
}
