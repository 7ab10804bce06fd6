/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A webhook URL whose host was checked, and the address the call must connect to. */
export interface CheckedWebhookTarget {
  url: URL;
  address: ResolvedAddress;
}

/**
 * The check a webhook URL passes before it is stored and again before every delivery. Inject this class
 * (it is the DI token); the preferences module binds it to the DNS-resolving guard.
 */
export abstract class WebhookTargets {
  /**
   * The target to connect to — the caller connects to its address and to no other; throws
   * UnsafeWebhookTargetError with the reason otherwise.
   */
  abstract check(url: string): Promise<CheckedWebhookTarget>;
}
