import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NotificationsConfig } from '../../config/notifications.config';
import { CheckedWebhookTarget, ResolvedAddress, WebhookTargets } from '../application/webhook-targets.port';
import { UnsafeWebhookTargetError } from '../domain/preference.errors';
import { refusedAddressClass } from '../domain/webhook-target.policy';

/** Resolves a host name to every address it has (the port the guard asks DNS through). */
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

/** Injection token of the {@link HostResolver}; the system resolver unless a test replaces it. */
export const HOST_RESOLVER = Symbol('HOST_RESOLVER');

/** The system's resolver (node:dns `lookup`, as a connection would resolve): every address, A and AAAA. */
export const systemHostResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * Checks a webhook URL before it is stored and again before every delivery: its host must resolve, and
 * every address it resolves to must be public (see `refusedAddressClass`) — one private answer among
 * public ones is enough to refuse, since the connection could take any of them. The caller connects to
 * the returned address and to no other, so a second DNS answer (rebinding) cannot swap it for an
 * internal one. WEBHOOK_ALLOW_PRIVATE_TARGETS lifts the address rule, for tests and closed networks.
 */
@Injectable()
export class WebhookTargetGuard implements WebhookTargets {
  constructor(
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  /** The target to connect to; throws UnsafeWebhookTargetError with the reason otherwise. */
  async check(url: string): Promise<CheckedWebhookTarget> {
    const parsed = parseHttpUrl(url);
    // URL keeps IPv6 literals in brackets; WHATWG parsing already turned `0x7f.1`-style hosts into dotted quads.
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    const addresses = isIP(host)
      ? [{ address: host, family: isIP(host) as 4 | 6 }]
      : await this.addressesOf(host);
    if (!this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS) {
      for (const { address } of addresses) {
        const refused = refusedAddressClass(address);
        if (refused)
          throw new UnsafeWebhookTargetError(`target refused: the host resolves to a ${refused} address`);
      }
    }
    return { url: parsed, address: addresses[0] };
  }

  private async addressesOf(host: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolve(host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UnsafeWebhookTargetError(
        `the host did not resolve${typeof code === 'string' ? ` (${code})` : ''}`,
        true,
      );
    }
    if (addresses.length === 0) throw new UnsafeWebhookTargetError('the host did not resolve', true);
    return addresses;
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeWebhookTargetError('target refused: not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UnsafeWebhookTargetError('target refused: not http or https');
  return parsed;
}
