import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Ingest keys look like `pli_` + 40 base62 characters (≈238 bits). They are stored twice:
 * - the sha256 of the key, for authentication (one indexed lookup; with this much entropy a slow
 *   hash adds nothing), compared again in constant time;
 * - the key encrypted with AES-256-GCM, because owners and admins must see it again (it is
 *   embedded in downloaded team policy files). The encryption key is derived with HKDF-SHA256
 *   from the server secret (PILOTLIGHT_INGEST_KEY_SECRET, else NEXTAUTH_SECRET — which
 *   `npm start` generates once into the data dir), so a database dump alone does not reveal keys.
 */
export const INGEST_KEY_PREFIX = 'pli_';
const BODY_LENGTH = 40;
const KEY_PATTERN = /^pli_[0-9A-Za-z]{40}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CIPHER_VERSION = 'v1';

export interface NewIngestKey {
  key: string;
  /** Shown in lists, so people can tell keys apart. */
  prefix: string;
  hash: string;
}

export function generateIngestKey(): NewIngestKey {
  let body = '';
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 62 * 4: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && body.length < BODY_LENGTH) body += BASE62[byte % 62];
    }
  }
  const key = INGEST_KEY_PREFIX + body;
  return { key, prefix: key.slice(0, 12), hash: hashIngestKey(key) };
}

export function hashIngestKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function isWellFormedIngestKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export class MissingServerSecretError extends Error {
  constructor() {
    super('No server secret: set NEXTAUTH_SECRET (npm start generates one into the data dir) or PILOTLIGHT_INGEST_KEY_SECRET.');
    this.name = 'MissingServerSecretError';
  }
}

function encryptionKey(): Buffer {
  const secret = process.env.PILOTLIGHT_INGEST_KEY_SECRET || process.env.NEXTAUTH_SECRET;
  if (!secret) throw new MissingServerSecretError();
  return Buffer.from(hkdfSync('sha256', secret, 'pilotlight', 'ingest-key encryption v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url); the key id is bound as associated data. */
export function encryptIngestKey(key: string, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  cipher.setAAD(Buffer.from(keyId));
  const data = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
  return [CIPHER_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The key, or null when it cannot be decrypted (the server secret changed, or the row was tampered with). */
export function decryptIngestKey(ciphertext: string, keyId: string): string | null {
  const [version, iv, tag, data] = ciphertext.split('.');
  if (version !== CIPHER_VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof MissingServerSecretError) throw error;
    return null;
  }
}
