import { DomainError } from '@loop/platform';

/** The photo does not exist, or the caller may not see it (the two are indistinguishable on purpose). */
export class AttachmentNotFoundError extends DomainError {
  readonly code = 'attachment.not-found';
  readonly problemType = 'not-found';
  constructor(sha256: string) {
    super(`attachment ${sha256} not found`, {
      'zh-CN': '图片不存在或您无权查看',
      en: 'The photo does not exist or you may not see it',
    });
  }
}

/** A ticket names a photo that was never uploaded. */
export class AttachmentNotUploadedError extends DomainError {
  readonly code = 'ticket.attachment-not-uploaded';
  readonly problemType = 'rule-violated';
  constructor(sha256: string) {
    super(`attachment ${sha256} was not uploaded`, {
      'zh-CN': '附件中的图片尚未上传成功，请重新上传后再提交',
      en: 'A photo of the ticket has not been uploaded; upload it again, then submit',
    });
  }
}
