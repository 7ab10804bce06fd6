import { DomainError } from '@loop/platform';

/** The cursor is not one this service handed out. */
export class InvalidCursorError extends DomainError {
  readonly code = 'ticket.invalid-cursor';
  readonly problemType = 'rule-violated';
  constructor() {
    super('the cursor is not valid', { 'zh-CN': '分页游标无效', en: 'The page cursor is not valid' });
  }
}

/** An opaque cursor for the position after (submittedAt, id) in newest-first order. */
export function encodeCursor(submittedAt: Date, id: string): string {
  return Buffer.from(`${submittedAt.toISOString()}|${id}`).toString('base64url');
}

/** The position a cursor stands for. */
export function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(submittedAt.getTime()))
    throw new InvalidCursorError();
  return { submittedAt, id };
}
