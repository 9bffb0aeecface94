import 'server-only';
import { COMPLIANCE_SERIES } from '@/lib/analytics/catalog';
import { drillDown, type DrillRecord } from '@/lib/analytics/drill';
import type { ChartSummary, FindingsSection, FindingSeries } from '../model';
import type { ReportScope } from '../scope';

/**
 * Findings: every compliance series of the dashboard with its count over the period and its
 * first examples, read through the dashboard's drill-down (the same records a person clicking the
 * chart sees). Examples come from the earliest buckets that have findings; prompt text is never
 * copied into the report (the count of masked secrets is), so a report can be handed to an
 * auditor without the prompts.
 */
export const EXAMPLES_PER_SERIES = 5;
/** Buckets drilled into per series at most, so a period full of findings costs a bounded number of queries. */
const MAX_BUCKETS = 5;

export const FINDING_LABELS: Record<(typeof COMPLIANCE_SERIES)[number], string> = {
  'telemetry-while-disabled': 'Telemetry while disabled by policy',
  'untrusted-commands': 'Untrusted commands executed',
  'dangerous-commands': 'Dangerous commands executed',
  'secrets-in-prompts': 'Secrets masked in prompts',
  'privacy-findings': 'Privacy findings',
};

const text = (v: DrillRecord[string] | undefined): string | null => (v === null || v === undefined ? null : Array.isArray(v) ? v.join('; ') : String(v));

/** One drill-down record as an example line; never the prompt or response. */
export function exampleOf(series: string, r: DrillRecord): FindingSeries['examples'][number] {
  let detail: string | null;
  if (series === 'secrets-in-prompts') detail = `${text(r.secretsMasked) ?? '0'} secret(s) masked${r.model ? ` · model ${text(r.model)}` : ''}${r.kind ? ` · ${text(r.kind)}` : ''}`;
  else if (series === 'privacy-findings') detail = [text(r.field), text(r.rule), r.event ? `event ${text(r.event)}` : null].filter(Boolean).join(' · ');
  else detail = [text(r.detail), text(r.decision), text(r.flagged)].filter(Boolean).join(' · ') || null;
  return { time: text(r.time) ?? text(r.day) ?? '', user: text(r.user), team: text(r.team), detail };
}

function drillPath(scope: ReportScope): string {
  const q = new URLSearchParams({ from: scope.filters.range.from, to: scope.filters.range.to });
  if (scope.ctx.team) q.set('team', scope.ctx.team.slug);
  return `/dashboard/compliance?${q.toString()}`;
}

async function examples(scope: ReportScope, chart: ChartSummary, series: string): Promise<FindingSeries['examples']> {
  const points = chart.series.find((s) => s.name === series)?.data.filter((p) => (p.y ?? 0) > 0) ?? [];
  const out: FindingSeries['examples'] = [];
  for (const point of points.slice(0, MAX_BUCKETS)) {
    const q = new URLSearchParams({ from: scope.filters.range.from, to: scope.filters.range.to, tz: scope.filters.range.tz, bucket: chart.bucket, x: point.x, series, limit: String(EXAMPLES_PER_SERIES) });
    if (scope.ctx.team) q.set('team', scope.ctx.team.id);
    const page = await drillDown(scope.reader, 'compliance', q);
    // Drill-down pages are newest first; the report reads oldest first.
    out.push(...page.records.map((r) => exampleOf(series, r)).reverse());
    if (out.length >= EXAMPLES_PER_SERIES) break;
  }
  return out.slice(0, EXAMPLES_PER_SERIES);
}

export async function buildFindingsSection(scope: ReportScope, compliance: ChartSummary): Promise<FindingsSection> {
  const series = await Promise.all(
    COMPLIANCE_SERIES.map(async (name): Promise<FindingSeries> => {
      const count = compliance.series.find((s) => s.name === name)?.total ?? 0;
      return { series: name, label: FINDING_LABELS[name], count, drillDown: drillPath(scope), examples: count > 0 ? await examples(scope, compliance, name) : [] };
    }),
  );
  return { series };
}
