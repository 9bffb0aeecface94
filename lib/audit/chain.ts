import { createHash } from 'node:crypto';

/**
 * The audit log's tamper evidence, as pure functions. Each row stores
 *   content_hash = sha256(canonical JSON of its content)
 *   prev_hash    = the hash of the previous row of the same organization (NULL for the first)
 *   hash         = sha256(prev_hash ‖ content_hash)
 * so editing, deleting or reordering any row breaks every link after it. lib/audit/record.ts
 * computes `hash` inside PostgreSQL under a per-organization lock; verify() recomputes it here.
 */
export interface AuditContent {
  orgId: string | null;
  createdAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export interface ChainedAuditRow extends AuditContent {
  id: string;
  seq: number;
  contentHash: string;
  prevHash: string | null;
  hash: string;
}

export type ChainBreak = {
  orgId: string | null;
  seq: number;
  id: string;
  reason: 'content_changed' | 'link_broken' | 'hash_mismatch' | 'sequence_gap';
  message: string;
};

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function contentHash(content: AuditContent): string {
  return sha256(
    canonicalJson({
      orgId: content.orgId,
      createdAt: content.createdAt,
      actorType: content.actorType,
      actorId: content.actorId,
      actorLabel: content.actorLabel,
      action: content.action,
      targetType: content.targetType,
      targetId: content.targetId,
      before: content.before ?? null,
      after: content.after ?? null,
      details: content.details ?? null,
    }),
  );
}

export function chainHash(prevHash: string | null, rowContentHash: string): string {
  return sha256((prevHash ?? '') + rowContentHash);
}

/**
 * Checks one organization's rows fed one at a time in `seq` order from seq 1, so a chain of
 * any length is verified in constant memory. Returns the break at the row that causes it.
 */
export function createChainChecker(): (row: ChainedAuditRow) => ChainBreak | null {
  let previous: ChainedAuditRow | null = null;
  // After a break the check goes on from the row as stored, so every broken link is reported
  // once (a tampered row does not hide a later one) instead of only the first.
  return (row) => {
    const broken = checkLink(previous, row);
    previous = row;
    return broken;
  };
}

function checkLink(previous: ChainedAuditRow | null, row: ChainedAuditRow): ChainBreak | null {
  const at = { orgId: row.orgId, seq: row.seq, id: row.id };
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    return { ...at, reason: 'sequence_gap', message: `expected entry #${expectedSeq} but found #${row.seq}: entries were deleted` };
  }
  if (contentHash(row) !== row.contentHash) {
    return { ...at, reason: 'content_changed', message: `entry #${row.seq} (${row.action}) was modified after it was written` };
  }
  if (row.prevHash !== (previous?.hash ?? null)) {
    return { ...at, reason: 'link_broken', message: `entry #${row.seq} does not point at the hash of entry #${expectedSeq - 1}` };
  }
  if (chainHash(row.prevHash, row.contentHash) !== row.hash) {
    return { ...at, reason: 'hash_mismatch', message: `entry #${row.seq} has a hash that does not match its content and link` };
  }
  return null;
}

/** The first broken link of one organization's rows (in seq order), or null when intact. */
export function findFirstBreak(rows: Iterable<ChainedAuditRow>): ChainBreak | null {
  const check = createChainChecker();
  for (const row of rows) {
    const broken = check(row);
    if (broken) return broken;
  }
  return null;
}
