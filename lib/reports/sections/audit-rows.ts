import 'server-only';
import { getPool } from '@/lib/db/client';
import type { ReportScope } from '../scope';

/**
 * The audit-log rows of the report's period for a few actions, oldest first. The report reads the
 * audit trail itself (not lib/audit/queries.ts, which needs audit:read): reports:read includes the
 * policy changes and downloads the report shows, never the rest of the log. Scoped by organization
 * and, for a team report, to rows about that team (or the organization default, which every team
 * inherits). Uses audit_log (org_id, created_at).
 */
export interface AuditRow {
  seq: number;
  created_at: Date;
  actor_type: string;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export async function auditRowsInPeriod(scope: ReportScope, actions: readonly string[], options: { teamTargets?: readonly string[]; limit?: number } = {}): Promise<AuditRow[]> {
  const { ctx } = scope;
  const values: unknown[] = [ctx.orgId, ctx.start, ctx.end, actions];
  let teamFilter = '';
  if (ctx.team) {
    values.push(ctx.team.id, options.teamTargets ?? []);
    // The team itself, its projects (`<team id>/<slug>`), the organization default, or the extra targets (its template).
    teamFilter = `AND (target_id = $5 OR target_id LIKE $5 || '/%' OR target_type = 'organization' OR target_id = ANY($6::text[]))`;
  }
  values.push(options.limit ?? 10_000);
  const { rows } = await getPool().query<AuditRow>(
    `SELECT seq, created_at, actor_type, actor_label, action, target_type, target_id, before, after, details
       FROM audit_log
      WHERE org_id = $1 AND created_at >= $2 AND created_at < $3 AND action = ANY($4::text[]) ${teamFilter}
      ORDER BY seq LIMIT $${values.length}`,
    values,
  );
  return rows;
}
