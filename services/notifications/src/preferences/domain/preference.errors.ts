import { DomainError } from '@loop/platform';

/** The caller has no webhook subscription. */
export class WebhookNotFoundError extends DomainError {
  readonly code = 'webhook.not-found';
  readonly problemType = 'not-found';

  constructor() {
    super('no webhook subscription', { 'zh-CN': '尚未设置 Webhook', en: 'No webhook subscription' });
  }
}
