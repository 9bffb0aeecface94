import 'server-only';
import { Readable } from 'node:stream';
import type { Actor } from '@/lib/auth/permissions';
import { generateAuditReport } from './generate';
import type { AuditReport } from './model';
import { parseReportQuery, type ReportFormat } from './params';
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { renderJson } from './render/json';
import { renderPdf } from './render/pdf';

/**
 * One report request → one HTTP response, for the API route and the console's printable view:
 * parse (400), build + audit row (lib/reports/generate.ts), render. The PDF is streamed from
 * PDFKit as it is written; the other formats are strings of bounded size.
 */
const TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export function reportFileName(report: AuditReport, format: ReportFormat): string {
  const scope = report.params.team ? report.params.team.slug : 'organization';
  return `audit-report-${scope}-${report.params.from}-${report.params.to}.${format}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** Links to the same report in the other formats, for the HTML view's toolbar (hidden when printing). */
function toolbar(report: AuditReport, base: string): string {
  const q = (format: string) => {
    const p = new URLSearchParams({ from: report.params.from, to: report.params.to, format });
    if (report.params.team) p.set('team', report.params.team.slug);
    // Inside an HTML attribute: & must be escaped.
    return `${base}?${p.toString()}`.replace(/&/g, '&amp;');
  };
  return `<a href="/reports">← Reports</a> · <a href="${q('pdf')}">Download PDF</a> · <a href="${q('csv')}">Download CSV</a> · <a href="${q('json')}">JSON</a> · Print this page from your browser (Ctrl/Cmd+P) for a paper copy.`;
}

export async function auditReportResponse(actor: Actor, query: URLSearchParams, options: { viewBase?: string } = {}): Promise<Response> {
  const request = parseReportQuery(query);
  const report = await generateAuditReport(actor, request);
  const headers = new Headers({ 'Content-Type': TYPES[request.format], 'Cache-Control': 'no-store', 'X-Report-Sha256': report.integrity.dataSha256 });
  const inline = request.format === 'html' || request.format === 'json';
  headers.set('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${reportFileName(report, request.format)}"`);
  switch (request.format) {
    case 'json':
      return new Response(renderJson(report), { headers });
    case 'csv':
      return new Response(renderCsv(report), { headers });
    case 'html':
      return new Response(renderHtml(report, { toolbar: options.viewBase ? toolbar(report, options.viewBase) : undefined }), { headers });
    case 'pdf':
      return new Response(Readable.toWeb(renderPdf(report)) as ReadableStream<Uint8Array>, { headers });
  }
}
