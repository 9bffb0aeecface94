import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
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

export type ChainStatus =
  | { state: 'empty'; verifiedAt: Date }
  | { state: 'intact'; firstSeq: number; lastSeq: number; rows: number; verifiedAt: Date }
  | {
      state: 'broken';
      rows: number;
      lastSeq: number;
      /** Every broken link found (a tampered row does not hide a later one), oldest first. */
      breaks: ChainBreak[];
      /** The first broken row as stored, for the console to show what is wrong with it. */
      firstBroken: { seq: number; createdAt: string; action: string; actorLabel: string | null } | null;
      verifiedAt: Date;
    };

const MAX_REPORTED_BREAKS = 20;

/**
 * The caller's organization's chain, checked now from #1 to its head: the same check (same
 * reader, same checker) as `npm run admin -- verify-audit-log`, limited to one chain.
 */
export async function verifyOrganizationChain(actor: Actor): Promise<ChainStatus> {
  assertCan(actor, 'audit:read');
  const check = createChainChecker();
  const breaks: ChainBreak[] = [];
  let firstBroken: Extract<ChainStatus, { state: 'broken' }>['firstBroken'] = null;
  let rows = 0;
  let firstSeq = 0;
  let lastSeq = 0;
  for await (const row of readChain(actor.orgId)) {
    if (rows === 0) firstSeq = row.seq;
    rows++;
    lastSeq = row.seq;
    const broken = check(row);
    if (!broken) continue;
    firstBroken ??= { seq: row.seq, createdAt: row.createdAt, action: row.action, actorLabel: row.actorLabel };
    if (breaks.length < MAX_REPORTED_BREAKS) breaks.push(broken);
  }
  const verifiedAt = new Date();
  if (rows === 0) return { state: 'empty', verifiedAt };
  if (breaks.length === 0) return { state: 'intact', firstSeq, lastSeq, rows, verifiedAt };
  return { state: 'broken', rows, lastSeq, breaks, firstBroken, verifiedAt };
}
