import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';

export interface AuditLogEntry {
  id: string;
  seq: number;
  createdAt: Date;
  actorType: string;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

/** The organization's audit log, newest first; `beforeSeq` pages backwards. */
export async function listAuditLog(
  actor: Actor,
  options: { limit?: number; beforeSeq?: number; action?: string } = {},
): Promise<AuditLogEntry[]> {
  assertCan(actor, 'audit:read');
  const rows = await getPrisma().auditLog.findMany({
    where: {
      orgId: actor.orgId,
      ...(options.beforeSeq ? { seq: { lt: options.beforeSeq } } : {}),
      ...(options.action ? { action: options.action } : {}),
    },
    orderBy: { seq: 'desc' },
    take: Math.min(Math.max(options.limit ?? 50, 1), 500),
    select: {
      id: true,
      seq: true,
      createdAt: true,
      actorType: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      details: true,
    },
  });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
