import 'server-only';
import { getPool } from '@/lib/db/client';
import { hashIngestKey, isWellFormedIngestKey, sameHash } from './crypto';

/** last_used_at is refreshed at most this often, so a busy key does not write on every export. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Who a valid ingest key sends for: its organization and team, nothing else. */
export interface IngestKeyIdentity {
  keyId: string;
  orgId: string;
  teamId: string;
  teamSlug: string;
  name: string;
  prefix: string;
}

/** The key of `Authorization: Bearer <key>`, or null. */
export function bearerIngestKey(header: string | null | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

interface KeyRow {
  id: string;
  org_id: string;
  team_id: string;
  team_slug: string;
  name: string;
  prefix: string;
  key_hash: string;
  previous_hash: string | null;
  previous_valid: boolean;
  last_used_at: Date | null;
}

/**
 * The identity behind an ingest key, or null when it is malformed, unknown, revoked, or a
 * rotated-away key past its grace period. One indexed lookup by sha256; the matched hash is
 * compared again in constant time.
 */
export async function authenticateIngestKey(key: string | null): Promise<IngestKeyIdentity | null> {
  if (!key || !isWellFormedIngestKey(key)) return null;
  const hash = hashIngestKey(key);
  const { rows } = await getPool().query<KeyRow>({
    name: 'ingest-key-lookup',
    text: `SELECT k.id, k.org_id, k.team_id, t.slug AS team_slug, k.name, k.prefix, k.key_hash, k.previous_hash,
                  (k.previous_expires_at IS NOT NULL AND k.previous_expires_at > now()) AS previous_valid, k.last_used_at
             FROM ingest_key k JOIN team t ON t.id = k.team_id
            WHERE (k.key_hash = $1 OR k.previous_hash = $1) AND k.revoked_at IS NULL`,
    values: [hash],
  });
  const row = rows[0];
  if (!row) return null;
  const current = sameHash(row.key_hash, hash);
  const previous = row.previous_hash !== null && row.previous_valid && sameHash(row.previous_hash, hash);
  if (!current && !previous) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await getPool().query('UPDATE ingest_key SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  return { keyId: row.id, orgId: row.org_id, teamId: row.team_id, teamSlug: row.team_slug, name: row.name, prefix: row.prefix };
}
