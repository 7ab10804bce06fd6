import { DomainError } from '@loop/platform';

/** The caller has no webhook subscription. */
export class WebhookNotFoundError extends DomainError {
  readonly code = 'webhook.not-found';
  readonly problemType = 'not-found';

  constructor() {
    super('no webhook subscription', { 'zh-CN': '尚未设置 Webhook', en: 'No webhook subscription' });
  }
}

/**
 * The webhook's host is not a public address: it resolves to a loopback, private, link-local, CGNAT,
 * multicast, unspecified, reserved or cloud metadata address, or (`retriable`) it did not resolve.
 * `message` names the reason for the delivery log; the person reads one text for every reason, so the
 * answer cannot be used to map which internal names exist and where they point.
 */
export class UnsafeWebhookTargetError extends DomainError {
  readonly code = 'webhook.unsafe-target';
  readonly problemType = 'rule-violated';

  /** @param retriable true when the host did not resolve (DNS may answer later), false when refused. */
  constructor(
    reason: string,
    readonly retriable = false,
  ) {
    super(reason, {
      'zh-CN':
        'Webhook 地址必须是可解析的公网地址，不能指向本机、内网、链路本地、运营商级 NAT、组播或云元数据地址',
      en: 'The webhook must be a resolvable public address, not a loopback, private, link-local, carrier-grade NAT, multicast or cloud metadata address',
    });
  }
}
