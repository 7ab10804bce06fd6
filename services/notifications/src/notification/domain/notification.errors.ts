import { DomainError } from '@loop/platform';

/** The notification does not exist or belongs to someone else (the two are not told apart). */
export class NotificationNotFoundError extends DomainError {
  readonly code = 'notification.not-found';
  readonly problemType = 'not-found';

  constructor(id: string) {
    super(`notification ${id} not found`, { 'zh-CN': '未找到该通知', en: 'Notification not found' });
  }
}
