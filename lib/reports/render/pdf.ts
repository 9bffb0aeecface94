import PDFDocument from 'pdfkit';
import type { AuditReport, ChartSummary } from '../model';
import { columnBars, contentWidth, FONT, heading, paragraph, pdfText, table } from './pdf-kit';
import { bucketTotals, chainSentence, chartHasData, formatNumber, periodLabel, reportTitle, scopeLabel, SECTION_TITLES } from './text';

/**
 * `format=pdf`, drawn on the server with PDFKit (no browser): a cover with the parameters and a
 * table of contents (linked, with page numbers), one section per page group, charts as tables
 * with vector bars, "page n of N" on every page, and the document outline for PDF viewers.
 * Pages are buffered so the contents and page numbers can be written once the page count is
 * known; the document is a stream the route sends as it is produced.
 */
type Doc = InstanceType<typeof PDFDocument>;
type SectionId = keyof typeof SECTION_TITLES;

function chart(doc: Doc, c: ChartSummary): void {
  heading(doc, `${c.title}${c.unit ? ` (${c.unit})` : ''}`, 10);
  if (!chartHasData(c)) {
    paragraph(doc, 'No data in this period.', { color: '#475569' });
    return;
  }
  if (c.kind === 'time') columnBars(doc, bucketTotals(c), `per ${c.bucket}`);
  table(doc, ['Series', 'Total', c.kind === 'time' ? `Highest per ${c.bucket}` : 'Largest category'], c.series.map((s) => [s.name, s.total === null ? '–' : formatNumber(s.total), formatNumber(s.max)]), [0.5, 0.25, 0.25]);
  if (c.kind === 'category' && c.series[0]) {
    table(doc, ['Category', ...c.series.map((s) => s.name)], c.series[0].data.map((p, i) => [p.x, ...c.series.map((s) => formatNumber(s.data[i]?.y ?? null))]), [0.6, ...c.series.map(() => 0.4 / c.series.length)]);
  }
}

function policy(doc: Doc, r: AuditReport): void {
  paragraph(doc, `Effective policy of each team as of ${r.policy.asOf}, every field with the layer it comes from; secrets masked.`, { color: '#475569' });
  for (const t of r.policy.teams) {
    heading(doc, `${t.team.name} (${t.team.slug}, ${t.team.environment})`, 11);
    paragraph(doc, `built-in defaults${t.layers.map((l) => ` + ${l.source}: ${l.label}${l.version ? ` v${l.version}${l.pinned ? ' (pinned)' : ' (latest)'}` : ''}`).join('')}`);
    table(doc, ['Field', 'Value', 'From'], t.fields.map((f) => [f.label, f.value, f.origin]), [0.25, 0.6, 0.15]);
    table(doc, ['Severity', 'Field', 'Lint finding'], t.findings.map((f) => [f.severity, f.path, f.message]), [0.12, 0.28, 0.6], 'No lint findings for this environment.');
  }
  heading(doc, `Versions created in the period (${r.policy.versions.length})`, 11);
  if (!r.policy.versions.length) paragraph(doc, 'No version was created in the period.', { color: '#475569' });
  for (const v of r.policy.versions) {
    paragraph(doc, `${v.templateName} v${v.version} — ${v.createdAt} by ${v.author}${v.note ? ` — note: ${v.note}` : ''}`, { bold: true });
    table(doc, ['Field', 'Change', 'Before', 'After'], v.changes.map((c) => [c.path, c.kind, c.before ?? '', c.after ?? '']), [0.22, 0.1, 0.34, 0.34], 'No field changed.');
  }
  heading(doc, `Assignment changes (${r.policy.assignments.length})`, 11);
  table(doc, ['#', 'When', 'Who', 'What', 'Target', 'Before', 'After'], r.policy.assignments.map((a) => [a.seq, a.at, a.actor, a.description, a.target, a.before, a.after]), [0.05, 0.15, 0.15, 0.15, 0.16, 0.17, 0.17], 'No assignment changed in the period.');
}

function activity(doc: Doc, r: AuditReport): void {
  const a = r.activity;
  table(
    doc,
    ['Figure', 'This period', 'Previous period'],
    [
      ...a.kpis.map((k) => [k.label, `${formatNumber(k.value)} ${k.unit}`, formatNumber(k.previous)]),
      ['People active', formatNumber(a.peopleActive), ''],
      ['Uploads received', `${formatNumber(a.uploads.total)} (${formatNumber(a.uploads.accepted)} records accepted, ${formatNumber(a.uploads.rejected)} rejected)`, ''],
      ['Policy downloads', formatNumber(a.downloads.total), ''],
    ],
    [0.4, 0.35, 0.25],
  );
  heading(doc, 'Uploads by format', 11);
  table(doc, ['Format', 'Uploads', 'Accepted', 'Rejected'], a.uploads.byFormat.map((u) => [u.format, u.uploads, u.accepted, u.rejected]), [0.4, 0.2, 0.2, 0.2], 'No uploads in the period.');
  heading(doc, 'Policy downloads by format and version', 11);
  table(doc, ['Format', 'Version', 'Downloads'], a.downloads.byFormatAndVersion.map((d) => [d.format, d.version ?? '', d.count]), [0.5, 0.25, 0.25], 'No policy downloads in the period.');
  heading(doc, 'Who fetched which policy', 11);
  table(doc, ['Member or token', 'Policy', 'Format', 'Version', 'Downloads', 'Last'], a.downloads.byMachine.map((d) => [d.actor, d.target, d.format, d.version ?? '', d.count, d.last]), [0.22, 0.22, 0.14, 0.08, 0.1, 0.24], 'No policy downloads in the period.');
  heading(doc, 'Charts', 11);
  for (const c of a.charts) chart(doc, c);
}

function findings(doc: Doc, r: AuditReport): void {
  paragraph(doc, 'Counts over the period and the first examples; prompt text is never included.', { color: '#475569' });
  for (const s of r.findings.series) {
    heading(doc, `${s.label}: ${formatNumber(s.count)}`, 11);
    paragraph(doc, `Drill-down: ${s.drillDown}`, { color: '#475569', size: 7.5 });
    if (s.count) table(doc, ['Time', 'User', 'Team', 'Detail'], s.examples.map((e) => [e.time, e.user ?? '', e.team ?? '', e.detail ?? '']), [0.2, 0.2, 0.15, 0.45], 'No examples.');
  }
}

function integrity(doc: Doc, r: AuditReport): void {
  const i = r.integrity;
  paragraph(doc, chainSentence(r), { bold: true, color: i.chain.status === 'broken' ? '#b91c1c' : '#166534', size: 10 });
  table(
    doc,
    ['Item', 'Value'],
    [
      ['Generated at', i.generatedAt],
      ['Generated by', i.generatedBy],
      ['Generation time', `${i.durationMs} ms`],
      ['Period', periodLabel(r)],
      ['Scope', scopeLabel(r)],
      ['Generator', `${i.generator.name} ${i.generator.version}`],
      ['sha256 of the data', i.dataSha256],
    ],
    [0.3, 0.7],
  );
}

const SECTIONS: [SectionId, (doc: Doc, r: AuditReport) => void][] = [
  ['policy', policy],
  ['activity', activity],
  ['findings', findings],
  ['integrity', integrity],
];

export function renderPdf(report: AuditReport): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 45, right: 45 },
    bufferPages: true,
    info: { Title: pdfText(`${reportTitle(report)} ${periodLabel(report)}`), Author: pdfText(report.integrity.generatedBy), Creator: `${report.integrity.generator.name} ${report.integrity.generator.version}`, Subject: `data sha256 ${report.integrity.dataSha256}` },
  });
  doc.font(FONT.bold).fontSize(20).text(pdfText(reportTitle(report)));
  doc.moveDown(0.3);
  paragraph(doc, `Period ${periodLabel(report)} · scope: ${scopeLabel(report)}`, { size: 11 });
  paragraph(doc, `Generated ${report.integrity.generatedAt} by ${report.integrity.generatedBy} · data sha256 ${report.integrity.dataSha256}`, { color: '#475569' });
  heading(doc, 'Contents', 14);
  const tocTop = doc.y;
  const starts: Partial<Record<SectionId, number>> = {};
  for (const [id, draw] of SECTIONS) {
    doc.addPage();
    starts[id] = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    doc.addNamedDestination(id);
    doc.outline.addItem(pdfText(SECTION_TITLES[id]));
    heading(doc, SECTION_TITLES[id], 16);
    draw(doc, report);
  }
  const range = doc.bufferedPageRange();
  // The contents, now that every section's first page is known.
  doc.switchToPage(range.start);
  let y = tocTop;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  for (const [id] of SECTIONS) {
    const page = (starts[id] ?? 0) + 1;
    doc.font(FONT.regular).fontSize(11).fillColor('#0f172a');
    doc.text(pdfText(SECTION_TITLES[id]), left, y, { width: width - 40, goTo: id, lineBreak: false });
    doc.text(String(page), left + width - 40, y, { width: 40, align: 'right', goTo: id, lineBreak: false });
    y += 18;
  }
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    // Writing inside the bottom margin would start a new page; lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor('#475569');
    doc.text(pdfText(`${report.organization.name} · audit report ${report.params.from} to ${report.params.to}`), left, doc.page.height - 30, { width: width / 2, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left + width / 2, doc.page.height - 30, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return doc;
}

/** The whole PDF in memory (tests, and callers that need its length). */
export async function renderPdfBuffer(report: AuditReport): Promise<Buffer> {
  const doc = renderPdf(report);
  const chunks: Buffer[] = [];
  for await (const chunk of doc as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
