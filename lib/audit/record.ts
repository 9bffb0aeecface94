import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/client';
import { storableJson, storableText } from '@/lib/text';
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
  return value === undefined ? null : storableJson(JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))));
}

/** Text columns as PostgreSQL will keep them (see lib/text.ts): the hash must cover exactly that. */
function column(value: string | null | undefined): string | null {
  return value == null ? null : storableText(value);
}

function storableActor(columns: Pick<AuditContent, 'actorType' | 'actorId' | 'actorLabel'>): Pick<AuditContent, 'actorType' | 'actorId' | 'actorLabel'> {
  return { actorType: columns.actorType, actorId: columns.actorId, actorLabel: column(columns.actorLabel) };
}

/** The row as written: its content (hashed by the caller's rules) and its content hash. */
export function auditContent(entry: AuditEntry): { content: AuditContent; hash: string } {
  const content: AuditContent = {
    orgId: entry.orgId,
    createdAt: new Date().toISOString(),
    ...storableActor(actorColumns(entry.actor)),
    action: entry.action,
    targetType: column(entry.target?.type),
    targetId: column(entry.target?.id),
    before: toJson(entry.before),
    after: toJson(entry.after),
    details: toJson(entry.details),
  };
  return { content, hash: contentHash(content) };
}

/** Parameters of the audit_append() SQL function, in order. */
function auditAppendParams(entry: AuditEntry): unknown[] {
  const { content, hash } = auditContent(entry);
  return [
    content.orgId,
    content.createdAt,
    content.actorType,
    content.actorId,
    content.actorLabel,
    content.action,
    content.targetType,
    content.targetId,
    jsonParam(content.before),
    jsonParam(content.after),
    jsonParam(content.details),
    hash,
  ];
}

const AUDIT_APPEND_SQL = 'SELECT audit_append($1::uuid, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12)';

/**
 * Appends one row to the organization's audit chain inside the caller's transaction, so the
 * row exists exactly when the change it describes does. The audit_append() SQL function takes a
 * per-organization advisory lock (held until the transaction ends) and links the row to the
 * chain head in one round trip, so concurrent transactions can never fork the chain.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.$executeRawUnsafe(AUDIT_APPEND_SQL, ...auditAppendParams(entry));
}

/**
 * The same append as recordAudit, as a statement for a plain `pg` client in its own transaction
 * (ingestion writes with COPY, which Prisma cannot do, so its transaction is a pg one).
 */
export function auditAppendStatement(entry: AuditEntry): { text: string; values: unknown[] } {
  return { text: AUDIT_APPEND_SQL, values: auditAppendParams(entry) };
}

function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
