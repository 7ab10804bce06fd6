import { randomUUID } from 'node:crypto';
import { mkdir, link, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { DEV_ISSUER_ALGORITHM } from './dev-issuer.constants';

/** The development issuer's signing key pair. */
export interface DevIssuerKey {
  /** Key id: the public key's RFC 7638 thumbprint, so it changes whenever the key does. */
  kid: string;
  privateKey: KeyLike;
  /** The public key as published in the JWKS. */
  publicJwk: JWK;
}

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

/**
 * Loads the key pair from `keyFile`, creating and saving a new ES256 pair when the file does not exist;
 * without a file the pair lives in memory only. The server and the `token` command share the file, so
 * tokens printed on the command line verify against the JWKS the server publishes.
 */
export async function loadOrCreateDevIssuerKey(keyFile?: string): Promise<DevIssuerKey> {
  if (!keyFile) return fromFile(await generateKeyFile());
  const existing = await readKeyFile(keyFile);
  if (existing) return fromFile(existing);
  return fromFile(await saveNewKeyFile(keyFile));
}

async function generateKeyFile(): Promise<KeyFile> {
  const { privateKey, publicKey } = await generateKeyPair(DEV_ISSUER_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    kid: await calculateJwkThumbprint(publicJwk),
    privateJwk: await exportJWK(privateKey),
    publicJwk,
    createdAt: new Date().toISOString(),
  };
}

async function readKeyFile(keyFile: string): Promise<KeyFile | undefined> {
  try {
    return JSON.parse(await readFile(keyFile, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the development issuer key file ${keyFile}: ${(error as Error).message}`);
  }
}

// `serve` and `token` may start at the same moment: the new key is written to a temporary file and
// hard-linked into place, which fails if another process got there first — then its key is used.
async function saveNewKeyFile(keyFile: string): Promise<KeyFile> {
  const created = await generateKeyFile();
  await mkdir(dirname(keyFile), { recursive: true });
  const temporary = `${keyFile}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(created, null, 2), { mode: 0o600 });
  try {
    await link(temporary, keyFile);
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readKeyFile(keyFile);
    if (!winner) throw error;
    return winner;
  } finally {
    await unlink(temporary);
  }
}

async function fromFile(file: KeyFile): Promise<DevIssuerKey> {
  const privateKey = (await importJWK(file.privateJwk, DEV_ISSUER_ALGORITHM)) as KeyLike;
  return {
    kid: file.kid,
    privateKey,
    publicJwk: { ...file.publicJwk, kid: file.kid, alg: DEV_ISSUER_ALGORITHM, use: 'sig' },
  };
}
