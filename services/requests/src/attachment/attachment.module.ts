import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { AttachmentsHandler } from './application/attachments.handler';
import { AttachmentStore } from './infrastructure/attachment-store.typeorm-repository';
import { AttachmentsHttpController } from './interface/http/attachments.http-controller';

/** Photos for tickets: upload, storage by content hash, and reading for those who may see them. */
@Module({
  imports: [ClockModule],
  controllers: [AttachmentsHttpController],
  providers: [AttachmentsHandler, AttachmentStore],
  exports: [AttachmentStore],
})
export class AttachmentModule {}
