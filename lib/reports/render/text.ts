import type { AuditReport, ChartSummary } from '../model';

/** Words and numbers every renderer shows the same way. Pure. */
export const SECTION_TITLES = {
  policy: '1. Policy in force',
  activity: '2. What happened',
  findings: '3. Findings',
  integrity: '4. Integrity',
} as const;

export function scopeLabel(report: AuditReport): string {
  return report.params.team ? `team ${report.params.team.name} (${report.params.team.slug})` : 'the whole organization';
}

export function reportTitle(report: AuditReport): string {
  return `Audit report — ${report.organization.name}`;
}

export function periodLabel(report: AuditReport): string {
  return `${report.params.from} to ${report.params.to} (${report.params.tz})`;
}

export function formatNumber(value: number | null): string {
  if (value === null) return '–';
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function chainSentence(report: AuditReport): string {
  const c = report.integrity.chain;
  if (c.status === 'empty') return 'The audit log has no entries up to the end of the period.';
  if (c.status === 'intact') return `Audit-log chain intact: entries #1 to #${c.rowsChecked} verified (${c.periodEntries} in the period${c.firstSeq ? `, #${c.firstSeq}–#${c.lastSeq}` : ''}).`;
  return `Audit-log chain BROKEN at entry #${c.firstBreak?.seq}: ${c.firstBreak?.message}.`;
}

/** The per-bucket sum over the additive series of a time chart, for the bar drawings. */
export function bucketTotals(chart: ChartSummary): { x: string; y: number }[] {
  const first = chart.series[0];
  if (!first) return [];
  const additive = chart.series.filter((s) => s.total !== null);
  const use = additive.length ? additive : [first];
  return first.data.map((p, i) => ({ x: p.x, y: use.reduce((n, s) => n + (s.data[i]?.y ?? 0), 0) }));
}

/** Whether a chart has anything to show. */
export function chartHasData(chart: ChartSummary): boolean {
  return chart.series.some((s) => s.data.some((p) => (p.y ?? 0) !== 0));
}
