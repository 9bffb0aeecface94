import 'server-only';
import { createChainChecker, type ChainBreak } from '@/lib/audit/chain';
import { readChain } from '@/lib/audit/verify';
import { getPool } from '@/lib/db/client';
import type { ChainStatus } from '../model';
import type { ReportScope } from '../scope';

/**
 * The audit-log chain over the period: a link can only be checked from the start of the chain,
 * so every entry from #1 to the last entry of the period is verified (the same checker as
 * `npm run admin -- verify-audit-log`, streamed in batches) and the first broken link reported.
 * The organization's whole chain is checked, whatever the report's team: the chain is one per
 * organization.
 */
export async function verifyChainForPeriod(scope: ReportScope): Promise<ChainStatus> {
  const { ctx } = scope;
  const { rows } = await getPool().query<{ first: number | null; last: number | null; n: number; upto: number | null }>(
    `SELECT min(seq) AS first, max(seq) AS last, count(*)::int AS n,
            (SELECT max(seq) FROM audit_log WHERE org_id = $1 AND created_at < $3) AS upto
       FROM audit_log WHERE org_id = $1 AND created_at >= $2 AND created_at < $3`,
    [ctx.orgId, ctx.start, ctx.end],
  );
  const period = rows[0]!;
  const upto = period.upto;
  if (upto === null) return { status: 'empty', rowsChecked: 0, periodEntries: 0, firstSeq: null, lastSeq: null, firstBreak: null };
  const check = createChainChecker();
  let first: ChainBreak | null = null;
  let checked = 0;
  for await (const row of readChain(ctx.orgId, upto)) {
    checked++;
    const broken = check(row);
    if (broken && !first) first = broken;
  }
  // Rows deleted at the end of the range leave no row to notice the gap: compare with the max seq.
  if (!first && checked !== upto) first = { orgId: ctx.orgId, seq: upto, id: '', reason: 'sequence_gap', message: `expected ${upto} entries up to #${upto} but found ${checked}: entries were deleted` };
  return {
    status: first ? 'broken' : 'intact',
    rowsChecked: checked,
    periodEntries: period.n,
    firstSeq: period.first,
    lastSeq: period.last,
    firstBreak: first ? { seq: first.seq, reason: first.reason, message: first.message } : null,
  };
}
