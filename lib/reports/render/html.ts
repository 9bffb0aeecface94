import type { AuditReport, ChartSummary } from '../model';
import { bucketTotals, chainSentence, chartHasData, formatNumber, periodLabel, reportTitle, scopeLabel, SECTION_TITLES } from './text';

/**
 * `format=html` and the printable view: one self-contained document (no app chrome, no script) with
 * a print stylesheet — each section starts a page, table headers repeat on every printed page,
 * rows do not split, links show their target. Charts are tables plus inline SVG bars (vectors).
 */
const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(headers: readonly string[], rows: readonly (readonly unknown[])[], empty: string): string {
  if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c instanceof Raw ? c.html : esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Pre-escaped cell content. */
class Raw {
  constructor(readonly html: string) {}
}

function bars(chart: ChartSummary): string {
  const totals = bucketTotals(chart);
  const max = Math.max(0, ...totals.map((t) => t.y));
  if (!max) return '';
  const w = 600;
  const h = 60;
  const bw = w / totals.length;
  const rects = totals
    .map((t, i) => {
      const bh = (t.y / max) * (h - 2);
      return `<rect x="${(i * bw).toFixed(2)}" y="${(h - bh).toFixed(2)}" width="${Math.max(bw - 1, 0.5).toFixed(2)}" height="${bh.toFixed(2)}"><title>${esc(t.x)}: ${esc(formatNumber(t.y))}</title></rect>`;
    })
    .join('');
  return `<svg class="bars" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" role="img" aria-label="${esc(chart.title)} per ${esc(chart.bucket)}, peak ${esc(formatNumber(max))}">${rects}</svg>`;
}

function chart(c: ChartSummary): string {
  const rows = c.series.map((s) => [s.name, s.total === null ? '–' : formatNumber(s.total), formatNumber(s.max)]);
  const head = c.kind === 'time' ? ['Series', 'Total', `Highest per ${c.bucket}`] : ['Series', 'Total', 'Largest category'];
  const categories =
    c.kind === 'category' && c.series[0]
      ? table(['Category', ...c.series.map((s) => s.name)], c.series[0].data.map((p, i) => [p.x, ...c.series.map((s) => formatNumber(s.data[i]?.y ?? null))]), 'No data.')
      : '';
  return `<figure class="chart"><figcaption>${esc(c.title)}${c.unit ? ` <span class="muted">(${esc(c.unit)})</span>` : ''}</figcaption>${
    chartHasData(c) ? `${c.kind === 'time' ? bars(c) : ''}${table(head, rows, '')}${categories}` : '<p class="empty">No data in this period.</p>'
  }</figure>`;
}

function policy(report: AuditReport): string {
  const p = report.policy;
  const teams = p.teams
    .map(
      (t) => `<article class="team"><h3>${esc(t.team.name)} <span class="muted">${esc(t.team.slug)} · ${esc(t.team.environment)}</span></h3>
<p class="layers">built-in defaults${t.layers.map((l) => ` ⊕ <strong>${esc(l.source)}</strong>: ${esc(l.label)}${l.version ? ` v${l.version}${l.pinned ? ' (pinned)' : ' (latest)'}` : ''}`).join('')}</p>
${table(['Field', 'Value', 'From'], t.fields.map((f) => [f.label, f.value, f.origin]), 'No fields.')}
<h4>Lint findings (${t.findings.length})</h4>
${table(['Severity', 'Field', 'Finding'], t.findings.map((f) => [f.severity, f.path, f.message]), 'No lint findings for this environment.')}</article>`,
    )
    .join('');
  const versions = p.versions
    .map(
      (v) => `<article class="version"><h4>${esc(v.templateName)} v${v.version} <span class="muted">${esc(v.createdAt)} · ${esc(v.author)}</span></h4>
${v.note ? `<p>Note: ${esc(v.note)}</p>` : ''}${table(['Field', 'Change', 'Before', 'After'], v.changes.map((c) => [c.path, c.kind, c.before ?? '', c.after ?? '']), 'No field changed.')}</article>`,
    )
    .join('');
  return `<section id="policy"><h2>${SECTION_TITLES.policy}</h2>
<p class="muted">Effective policy of each team as of ${esc(p.asOf)}, every field with the layer it comes from; secrets masked.</p>
${teams || '<p class="empty">No teams.</p>'}
<h3>Versions created in the period (${p.versions.length})</h3>${versions || '<p class="empty">No version was created in the period.</p>'}
<h3>Assignment changes (${p.assignments.length})</h3>
${table(['#', 'When', 'Who', 'What', 'Target', 'Before', 'After'], p.assignments.map((a) => [a.seq, a.at, a.actor, a.description, a.target, a.before, a.after]), 'No assignment changed in the period.')}
</section>`;
}

function activity(report: AuditReport): string {
  const a = report.activity;
  return `<section id="activity"><h2>${SECTION_TITLES.activity}</h2>
${table(['Figure', 'This period', 'Previous period'], [...a.kpis.map((k) => [k.label, `${formatNumber(k.value)} ${k.unit}`, formatNumber(k.previous)]), ['People active', formatNumber(a.peopleActive), ''], ['Uploads received', `${formatNumber(a.uploads.total)} (${formatNumber(a.uploads.accepted)} records accepted, ${formatNumber(a.uploads.rejected)} rejected)`, ''], ['Policy downloads', formatNumber(a.downloads.total), '']], '')}
<h3>Uploads by format</h3>${table(['Format', 'Uploads', 'Accepted', 'Rejected'], a.uploads.byFormat.map((u) => [u.format, u.uploads, u.accepted, u.rejected]), 'No uploads in the period.')}
<h3>Policy downloads by format and version</h3>${table(['Format', 'Version', 'Downloads'], a.downloads.byFormatAndVersion.map((d) => [d.format, d.version ?? '', d.count]), 'No policy downloads in the period.')}
<h3>Who fetched which policy</h3>${table(['Member or token', 'Policy', 'Format', 'Version', 'Downloads', 'Last'], a.downloads.byMachine.map((d) => [d.actor, d.target, d.format, d.version ?? '', d.count, d.last]), 'No policy downloads in the period.')}
<h3>Charts</h3>${a.charts.map(chart).join('')}
</section>`;
}

function findings(report: AuditReport): string {
  const blocks = report.findings.series
    .map(
      (s) => `<article class="finding"><h3>${esc(s.label)}: ${formatNumber(s.count)}</h3>
<p><a href="${esc(s.drillDown)}">Open the drill-down</a></p>
${s.count ? table(['Time', 'User', 'Team', 'Detail'], s.examples.map((e) => [e.time, e.user ?? '', e.team ?? '', e.detail ?? '']), 'No examples.') : '<p class="empty">None in the period.</p>'}</article>`,
    )
    .join('');
  return `<section id="findings"><h2>${SECTION_TITLES.findings}</h2><p class="muted">Counts over the period and the first examples; prompt text is never included.</p>${blocks}</section>`;
}

function integrity(report: AuditReport): string {
  const i = report.integrity;
  return `<section id="integrity"><h2>${SECTION_TITLES.integrity}</h2>
<p class="chain ${i.chain.status}">${esc(chainSentence(report))}</p>
${table(['Item', 'Value'], [['Generated at', i.generatedAt], ['Generated by', i.generatedBy], ['Generation time', `${i.durationMs} ms`], ['Period', periodLabel(report)], ['Scope', scopeLabel(report)], ['Generator', `${i.generator.name} ${i.generator.version}`], ['sha256 of the data', new Raw(`<code>${esc(i.dataSha256)}</code>`)]], '')}
</section>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#0f172a;margin:0 auto;max-width:60rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;border-bottom:2px solid #0f172a;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.8rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:12px}th,td{border:1px solid #cbd5e1;padding:.25rem .4rem;text-align:left;vertical-align:top;word-break:break-word}th{background:#f1f5f9}
.muted{color:#475569;font-weight:normal}.empty{color:#475569;font-style:italic}.bars{width:100%;height:60px;fill:#0072b2}figure{margin:0 0 1rem}figcaption{font-weight:600}
.chain.intact{color:#166534;font-weight:600}.chain.broken{color:#b91c1c;font-weight:700}nav.toc ol{padding-left:1.2rem}.toolbar{margin:.5rem 0 1rem}
@media (max-width:480px){body{padding:.75rem}table{font-size:11px}}
@media print{@page{size:A4;margin:16mm 14mm}body{max-width:none;padding:0;font-size:11px}.no-print{display:none!important}section{break-before:page}thead{display:table-header-group}tr,figure,.finding h3{break-inside:avoid}h2,h3,h4{break-after:avoid}a{color:inherit;text-decoration:none}a[href]::after{content:" (" attr(href) ")";font-size:9px;color:#475569}}`;

export function renderHtml(report: AuditReport, options: { toolbar?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(reportTitle(report))} · ${esc(periodLabel(report))}</title><style>${STYLE}</style></head><body>
<header><h1>${esc(reportTitle(report))}</h1><p>Period ${esc(periodLabel(report))} · scope: ${esc(scopeLabel(report))}</p>
<p class="muted">Generated ${esc(report.integrity.generatedAt)} by ${esc(report.integrity.generatedBy)} · data sha256 <code>${esc(report.integrity.dataSha256.slice(0, 16))}…</code></p>
${options.toolbar ? `<div class="toolbar no-print">${options.toolbar}</div>` : ''}
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${(['policy', 'activity', 'findings', 'integrity'] as const).map((id) => `<li><a href="#${id}">${esc(SECTION_TITLES[id].replace(/^\d\. /, ''))}</a></li>`).join('')}</ol></nav></header>
<main>${policy(report)}${activity(report)}${findings(report)}${integrity(report)}</main></body></html>`;
}
