// Which addresses a person's webhook may make this service call. A webhook URL is chosen by whoever
// holds a token, so without this rule it is a way into everything the service can reach: the cluster's
// pods, the database, the cloud's metadata endpoint with its credentials (server-side request forgery).
import ipaddr from 'ipaddr.js';

/** Why an address is refused as a webhook target; null when it is a public unicast address. */
export type RefusedAddressClass =
  | 'cloud metadata'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

// The metadata endpoints of the clouds we may run on. Each also lies in a refused range (link-local,
// unique-local, CGNAT or reserved); they are named so the refusal says what was at stake.
const cloudMetadataAddresses = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, Tencent, Huawei
  '169.254.170.2', // AWS ECS task metadata
  'fd00:ec2::254', // AWS over IPv6
  '100.100.100.200', // Alibaba Cloud
  '192.0.0.192', // Oracle Cloud
]);

// ipaddr.js range names and the class each is refused as; every other name but 'unicast' is 'reserved'
// (documentation, benchmarking, 6to4, Teredo, NAT64 — ranges that can embed or reach a private address).
const rangeClasses: Record<string, RefusedAddressClass> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private', // fc00::/7
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  broadcast: 'multicast',
  unspecified: 'unspecified',
};

/**
 * The class an IP address is refused as a webhook target, or null when it is public unicast. An
 * IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries; text that
 * is not an IP address is refused as reserved.
 */
export function refusedAddressClass(address: string): RefusedAddressClass | null {
  if (!ipaddr.isValid(address)) return 'reserved';
  const parsed = ipaddr.process(address);
  if (
    cloudMetadataAddresses.has(parsed.toNormalizedString()) ||
    cloudMetadataAddresses.has(parsed.toString())
  )
    return 'cloud metadata';
  const range = parsed.range();
  if (range === 'unicast') return null;
  return rangeClasses[range] ?? 'reserved';
}
