import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/chain';

/**
 * The sha256 of the data a report was built from, over canonical JSON (keys sorted at every
 * depth) — the same canonical form as the audit chain — so rebuilding a report from the same data
 * gives the same digest whatever the order the builder assembled its objects in.
 */
export function reportDataDigest(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}
