import { toCsv, type CsvCell } from '../csv';
import type { AuditReport } from '../model';

/**
 * `format=csv`: one row per lint finding, version field change, assignment change, upload format,
 * download, finding series and example, plus one integrity row; the `section` column says which.
 * Through lib/reports/csv.ts: RFC 4180, BOM, formula-looking cells neutralised (a template may be
 * named `=HYPERLINK(...)`).
 */
export const CSV_HEADER = ['section', 'kind', 'time', 'team', 'actor', 'subject', 'detail', 'before', 'after', 'format', 'version', 'count'] as const;
type Row = Partial<Record<(typeof CSV_HEADER)[number], CsvCell>>;

export function csvRows(report: AuditReport): Row[] {
  const rows: Row[] = [];
  for (const t of report.policy.teams) {
    for (const f of t.findings) rows.push({ section: 'policy', kind: 'lint-finding', team: t.team.name, subject: f.path, detail: `${f.severity}: ${f.message}`, before: f.rule });
  }
  for (const v of report.policy.versions) {
    if (!v.changes.length) rows.push({ section: 'policy', kind: 'version', time: v.createdAt, actor: v.author, subject: `${v.templateName} v${v.version}`, detail: v.note, version: v.version });
    for (const c of v.changes) rows.push({ section: 'policy', kind: 'version-change', time: v.createdAt, actor: v.author, subject: `${v.templateName} v${v.version}: ${c.path}`, detail: v.note, before: c.before, after: c.after, version: v.version });
  }
  for (const a of report.policy.assignments) rows.push({ section: 'policy', kind: 'assignment', time: a.at, actor: a.actor, subject: a.target, detail: a.description, before: a.before, after: a.after });
  for (const u of report.activity.uploads.byFormat) rows.push({ section: 'activity', kind: 'uploads', subject: u.format, detail: `${u.accepted} accepted, ${u.rejected} rejected`, format: u.format, count: u.uploads });
  for (const d of report.activity.downloads.byMachine) rows.push({ section: 'activity', kind: 'download', time: d.last, actor: d.actor, subject: d.target, detail: d.actorType, format: d.format, version: d.version, count: d.count });
  for (const k of report.activity.kpis) rows.push({ section: 'activity', kind: 'kpi', subject: k.label, detail: k.unit, after: k.value, before: k.previous });
  for (const s of report.findings.series) {
    rows.push({ section: 'findings', kind: 'series', subject: s.label, detail: s.series, count: s.count });
    for (const e of s.examples) rows.push({ section: 'findings', kind: 'example', time: e.time, team: e.team, actor: e.user, subject: s.label, detail: e.detail });
  }
  const i = report.integrity;
  rows.push({ section: 'integrity', kind: 'chain', time: i.generatedAt, actor: i.generatedBy, subject: i.chain.status, detail: i.chain.firstBreak?.message ?? `${i.chain.rowsChecked} entries verified`, after: i.dataSha256, version: null, count: i.chain.rowsChecked });
  return rows;
}

export function renderCsv(report: AuditReport): string {
  return toCsv(CSV_HEADER, csvRows(report).map((row) => CSV_HEADER.map((key) => row[key])));
}
