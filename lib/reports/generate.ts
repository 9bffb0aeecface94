import 'server-only';
import { appendAuditRow } from '@/lib/audit/append-queue';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { buildAuditReport } from './build';
import type { AuditReport } from './model';
import type { ReportFormat, ReportRequest } from './params';

/**
 * Generating a report = building it + writing `report.generated` (parameters, format, data
 * digest) to the audit log. Building only reads, so there is no change for the row to share a
 * transaction with; like a policy download (lib/downloads) the row is its own transaction through
 * the group-commit queue, written after the model is built (the digest must be known) and
 * before a single byte of the report is sent: a report nobody can find in the log is never
 * delivered, and a failed build writes no row. The chain check inside the report ran before this
 * row existed, so the row a report produces is verified by the next report.
 */
export async function generateAuditReport(actor: Actor, request: ReportRequest): Promise<AuditReport> {
  const report = await buildAuditReport(actor, request.filters);
  await recordReportGenerated(actor, report, request.format);
  return report;
}

export async function recordReportGenerated(actor: Actor, report: AuditReport, format: ReportFormat): Promise<void> {
  const team = report.params.team;
  await appendAuditRow({
    orgId: actor.orgId,
    actor,
    action: 'report.generated',
    target: team ? { type: 'team', id: team.id } : { type: 'organization', id: actor.orgId },
    details: {
      kind: 'audit',
      format,
      from: report.params.from,
      to: report.params.to,
      tz: report.params.tz,
      team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
      dataSha256: report.integrity.dataSha256,
      generator: report.integrity.generator.version,
      durationMs: report.integrity.durationMs,
    },
  });
}

export interface GeneratedReport {
  seq: number;
  at: Date;
  by: string;
  byType: string;
  format: string;
  from: string;
  to: string;
  team: { id: string; slug: string; name: string } | null;
  dataSha256: string;
}

/** The reports generated recently (newest first), from their audit rows: who, when, what. */
export async function listGeneratedReports(actor: Actor, limit = 20): Promise<GeneratedReport[]> {
  assertCan(actor, 'reports:read');
  const { rows } = await getPool().query<{ seq: number; created_at: Date; actor_label: string | null; actor_type: string; details: Record<string, unknown> | null }>(
    `SELECT seq, created_at, actor_label, actor_type, details FROM audit_log
      WHERE org_id = $1 AND action = 'report.generated' ORDER BY seq DESC LIMIT $2`,
    [actor.orgId, Math.min(Math.max(limit, 1), 100)],
  );
  return rows.map((r) => {
    const d = r.details ?? {};
    const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
    const team = d.team && typeof d.team === 'object' ? (d.team as GeneratedReport['team']) : null;
    return { seq: r.seq, at: r.created_at, by: r.actor_label ?? r.actor_type, byType: r.actor_type, format: s('format'), from: s('from'), to: s('to'), team, dataSha256: s('dataSha256') };
  });
}
