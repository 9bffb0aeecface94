import 'server-only';
import { CHART_IDS, CHARTS } from '@/lib/analytics/catalog';
import { runChart, type ChartResult } from '@/lib/analytics/charts';
import { getKpis } from '@/lib/analytics/kpis';
import { seriesTotal } from '@/lib/analytics/prepare';
import { getPool } from '@/lib/db/client';
import type { ActivitySection, ChartSummary } from '../model';
import type { ReportScope } from '../scope';
import { auditRowsInPeriod } from './audit-rows';

/**
 * "What happened": the dashboard's own KPI and chart functions over the report's filters (so the
 * report equals the dashboards for the same period and team), the uploads received, and the
 * policy downloads from the audit trail (which member or token — i.e. which machine — fetched
 * which format and version).
 */

/** Charts whose points do not add up over the period: percentiles, distinct users per day, rates. */
function additive(chart: ChartResult['chart'], seriesName: string): boolean {
  return chart !== 'performance' && chart !== 'active-users' && !seriesName.includes('%');
}

export function chartSummary(result: ChartResult): ChartSummary {
  const info = CHARTS[result.chart];
  return {
    id: result.chart,
    title: info.title,
    unit: info.unit,
    kind: info.kind,
    bucket: result.bucket,
    series: result.series.map((s) => {
      const values = s.data.map((p) => p.y).filter((y): y is number => y !== null);
      return { name: s.name, total: additive(result.chart, s.name) ? seriesTotal(s) : null, max: values.length ? Math.max(...values) : null, data: s.data };
    }),
  };
}

async function uploadsReceived(scope: ReportScope): Promise<ActivitySection['uploads']> {
  const { ctx } = scope;
  const values: unknown[] = [ctx.orgId, ctx.start, ctx.end];
  if (ctx.team) values.push(ctx.team.id);
  const { rows } = await getPool().query<{ format: string; uploads: number; accepted: string; rejected: string }>(
    `SELECT format, count(*)::int AS uploads, coalesce(sum(accepted), 0) AS accepted, coalesce(sum(rejected), 0) AS rejected
       FROM upload WHERE org_id = $1 AND created_at >= $2 AND created_at < $3 ${ctx.team ? 'AND team_id = $4' : ''}
      GROUP BY format ORDER BY format`,
    values,
  );
  const byFormat = rows.map((r) => ({ format: r.format, uploads: r.uploads, accepted: Number(r.accepted), rejected: Number(r.rejected) }));
  const sum = (key: 'uploads' | 'accepted' | 'rejected') => byFormat.reduce((n, r) => n + r[key], 0);
  return { total: sum('uploads'), accepted: sum('accepted'), rejected: sum('rejected'), byFormat };
}

async function downloadsMade(scope: ReportScope, teamTemplateIds: readonly string[], names: ReadonlyMap<string, string>): Promise<ActivitySection['downloads']> {
  const rows = await auditRowsInPeriod(scope, ['policy.downloaded'], { teamTargets: teamTemplateIds, limit: 100_000 });
  const byFv = new Map<string, { format: string; version: number | null; count: number }>();
  const byMachine = new Map<string, ActivitySection['downloads']['byMachine'][number]>();
  for (const row of rows) {
    const d = (row.details ?? {}) as { format?: unknown; version?: unknown; project?: unknown };
    const format = typeof d.format === 'string' ? d.format : '(unknown)';
    const version = typeof d.version === 'number' ? d.version : null;
    const fv = `${format}|${version}`;
    byFv.set(fv, { format, version, count: (byFv.get(fv)?.count ?? 0) + 1 });
    const what = `${row.target_type === 'team' ? 'team' : 'template'} ${names.get(row.target_id ?? '') ?? row.target_id ?? ''}${typeof d.project === 'string' ? ` / project ${d.project}` : ''}`;
    const actor = row.actor_label ?? row.actor_type;
    const key = `${row.actor_type}|${actor}|${what}|${fv}`;
    const seen = byMachine.get(key);
    byMachine.set(key, { actor, actorType: row.actor_type, target: what, format, version, count: (seen?.count ?? 0) + 1, last: row.created_at.toISOString() });
  }
  return {
    total: rows.length,
    byFormatAndVersion: [...byFv.values()].sort((a, b) => b.count - a.count || a.format.localeCompare(b.format)),
    byMachine: [...byMachine.values()].sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor)),
  };
}

export async function buildActivitySection(scope: ReportScope, targets: { templateIds: readonly string[]; names: ReadonlyMap<string, string> }): Promise<ActivitySection> {
  const [kpis, charts, uploads, downloads] = await Promise.all([
    getKpis(scope.reader, scope.filters),
    Promise.all(CHART_IDS.map((id) => runChart(scope.ctx, id))),
    uploadsReceived(scope),
    downloadsMade(scope, targets.templateIds, targets.names),
  ]);
  const active = kpis.find((k) => k.id === 'active-users');
  return {
    kpis: kpis.map((k) => ({ id: k.id, label: k.label, unit: k.unit, value: k.change.current, previous: k.change.previous })),
    peopleActive: active?.change.current ?? 0,
    uploads,
    downloads,
    charts: charts.map(chartSummary),
  };
}
