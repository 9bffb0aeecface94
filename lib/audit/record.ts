import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { contentHash, type AuditContent } from './chain';
import type { AuditAction } from './actions';

/** Who did it: a member or token (any Actor fits), or someone not signed in, or the admin CLI. */
export type AuditActorRef =
  | Pick<Actor, 'kind' | 'userId' | 'tokenId' | 'label'>
  | { kind: 'anonymous' | 'cli'; label: string | null };

export interface AuditEntry {
  orgId: string | null;
  actor: AuditActorRef;
  action: AuditAction;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

function actorColumns(actor: AuditActorRef): Pick<AuditContent, 'actorType' | 'actorId' | 'actorLabel'> {
  switch (actor.kind) {
    case 'user':
      return { actorType: 'user', actorId: actor.userId, actorLabel: actor.label };
    case 'token':
      return { actorType: 'token', actorId: actor.tokenId ?? null, actorLabel: actor.label };
    default:
      return { actorType: actor.kind, actorId: null, actorLabel: actor.label };
  }
}

/** Plain JSON (Dates → ISO strings, undefined dropped) so the stored jsonb hashes as computed. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

/**
 * Appends one row to the organization's audit chain inside the caller's transaction, so the
 * row exists exactly when the change it describes does. A transaction-scoped advisory lock per
 * organization serialises appends; the chain hash is computed by PostgreSQL from the row the
 * lock makes current, so two concurrent transactions can never fork the chain.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const content: AuditContent = {
    orgId: entry.orgId,
    createdAt: new Date().toISOString(),
    ...actorColumns(entry.actor),
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    details: toJson(entry.details),
  };
  const hash = contentHash(content);
  const lockKey = `audit:${entry.orgId ?? 'system'}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
  await tx.$executeRaw`
    INSERT INTO audit_log (org_id, seq, created_at, actor_type, actor_id, actor_label, action,
                           target_type, target_id, before, after, details, content_hash, prev_hash, hash)
    SELECT ${content.orgId}::uuid, coalesce(prev.seq, 0) + 1, ${content.createdAt}::timestamptz,
           ${content.actorType}, ${content.actorId}, ${content.actorLabel}, ${content.action},
           ${content.targetType}, ${content.targetId},
           ${jsonParam(content.before)}::jsonb, ${jsonParam(content.after)}::jsonb, ${jsonParam(content.details)}::jsonb,
           ${hash}, prev.hash,
           encode(sha256(convert_to(coalesce(prev.hash, '') || ${hash}, 'UTF8')), 'hex')
    FROM (SELECT NULL) AS one
    LEFT JOIN LATERAL (
      SELECT seq, hash FROM audit_log WHERE ${sameChain(content.orgId)} ORDER BY seq DESC LIMIT 1
    ) AS prev ON true`;
}

/** Rows of one chain; written as two shapes so PostgreSQL can use the (org_id, seq) index. */
function sameChain(orgId: string | null): Prisma.Sql {
  return orgId === null ? Prisma.sql`org_id IS NULL` : Prisma.sql`org_id = ${orgId}::uuid`;
}

function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
