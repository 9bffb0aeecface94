import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { createChainChecker, type ChainBreak, type ChainedAuditRow } from './chain';

export interface VerifyReport {
  chains: number;
  rows: number;
  breaks: ChainBreak[];
}

const BATCH = 5_000;

/** Reads one organization's chain in seq order (up to `untilSeq`), in batches, so memory stays flat. */
export async function* readChain(orgId: string | null, untilSeq?: number): AsyncGenerator<ChainedAuditRow> {
  let afterSeq = 0;
  for (;;) {
    const rows = await getPrisma().auditLog.findMany({
      where: { orgId, seq: untilSeq === undefined ? { gt: afterSeq } : { gt: afterSeq, lte: untilSeq } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      yield {
        id: row.id.toString(),
        orgId: row.orgId,
        seq: row.seq,
        createdAt: row.createdAt.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        before: row.before,
        after: row.after,
        details: row.details,
        contentHash: row.contentHash,
        prevHash: row.prevHash,
        hash: row.hash,
      };
    }
    if (rows.length < BATCH) return;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

/**
 * Verifies every organization's chain (and the chain of rows without an organization) and
 * reports every broken link of each. Used by `npm run admin -- verify-audit-log`.
 */
export async function verifyAuditLog(): Promise<VerifyReport> {
  const chains = await getPrisma().auditLog.groupBy({ by: ['orgId'], _count: { _all: true } });
  const breaks: ChainBreak[] = [];
  let rows = 0;
  for (const chain of chains) {
    rows += chain._count._all;
    const check = createChainChecker();
    for await (const row of readChain(chain.orgId)) {
      const broken = check(row);
      if (broken) breaks.push(broken);
    }
  }
  return { chains: chains.length, rows, breaks };
}
