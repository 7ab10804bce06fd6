// Open311 api_keys: each belongs to one client (the 12345 platform, a civic app) and says through which
// channel its filings come and in which communities it may file. Only a hash of the key is stored; the
// district admin sees the key once, when it is issued.
import { createHash } from 'node:crypto';

/** The channels a key may file through (the ticket sources an outside client can stand for). */
export const open311Channels = ['hotline', 'app'] as const;
/** A channel a key files through. */
export type Open311Channel = (typeof open311Channels)[number];

/** An issued key, as stored. */
export interface ApiKeyRecord {
  id: string;
  /** The client the key belongs to; its filings are filed by `open311:<clientId>`. */
  clientId: string;
  clientName: string;
  channel: Open311Channel;
  communityIds: string[];
  /** The first characters of the key, so the admin can tell keys apart. */
  keyPrefix: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The text every key starts with, so a leaked key is recognisable in logs and scanners. */
export const API_KEY_PREFIX = 'o311_';

/** The key's SHA-256, hex: what is stored and looked up. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A key's text from 32 random bytes. */
export function apiKeyFrom(randomBytes: Buffer): string {
  return `${API_KEY_PREFIX}${randomBytes.toString('base64url')}`;
}

/** Who files as the key's client: the account id on the tickets (filedBy, role `system`). */
export function clientAccountId(clientId: string): string {
  return `open311:${clientId}`;
}
