import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { TicketReaderModule } from '../ticket/ticket-reader.module';
import { AttachmentReader } from './application/attachment-reader.port';
import { AttachmentsHandler } from './application/attachments.handler';
import { AttachmentStore } from './infrastructure/attachment-store.typeorm-repository';
import { AttachmentsHttpController } from './interface/http/attachments.http-controller';

/**
 * Photos for tickets: upload, storage by content hash, and reading for those who may see them. Other
 * slices inject {@link AttachmentReader}.
 */
@Module({
  imports: [ClockModule, TicketReaderModule],
  controllers: [AttachmentsHttpController],
  providers: [
    AttachmentsHandler,
    AttachmentStore,
    { provide: AttachmentReader, useExisting: AttachmentStore },
  ],
  exports: [AttachmentReader],
})
export class AttachmentModule {}
