import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditReportJsonSchema, auditReportSchema } from '@/lib/reports/model';
import { csvRows, renderCsv } from '@/lib/reports/render/csv';
import { renderHtml } from '@/lib/reports/render/html';
import { renderJson } from '@/lib/reports/render/json';
import { renderPdfBuffer } from '@/lib/reports/render/pdf';
import { pdfText } from '@/lib/reports/render/pdf-kit';
import { fixtureReport, HOSTILE_TEMPLATE } from './fixture';

const OUT = path.join(import.meta.dirname, '../../../test-results/reports');

describe('the report model', () => {
  it('the fixture is a valid report and the JSON renderer gives the model back', () => {
    const report = fixtureReport();
    expect(auditReportSchema.parse(report)).toEqual(report);
    const json = JSON.parse(renderJson(report)) as Record<string, unknown>;
    expect(json.$schema).toBe('/api/v1/reports/audit/schema.json');
    const { $schema: _s, ...rest } = json;
    expect(auditReportSchema.parse(rest)).toEqual(report);
  });

  it('publishes a JSON Schema generated from the zod schema', () => {
    const schema = auditReportJsonSchema() as { type: string; required: string[]; properties: Record<string, { const?: string }> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['policy', 'activity', 'findings', 'integrity']));
    expect(schema.properties.kind?.const).toBe('pilotlight.audit-report');
    expect(JSON.stringify(schema)).toContain('dataSha256');
  });

  it('refuses a model without a digest', () => {
    const bad = fixtureReport();
    expect(auditReportSchema.safeParse({ ...bad, integrity: { ...bad.integrity, dataSha256: 'nope' } }).success).toBe(false);
  });
});

describe('CSV', () => {
  it('has a section column, one row per finding/change/download, and neutralises formulas', () => {
    const report = fixtureReport();
    const csv = renderCsv(report);
    expect(csv.startsWith('\uFEFFsection,kind,')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines.length).toBe(csvRows(report).length + 1);
    const kinds = csvRows(report).map((r) => `${r.section}/${r.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['policy/lint-finding', 'policy/version-change', 'policy/assignment', 'activity/download', 'findings/series', 'findings/example', 'integrity/chain']));
    expect(kinds.filter((k) => k === 'policy/version-change')).toHaveLength(2);
    // The template name never reaches a spreadsheet as a formula: it is prefixed with an apostrophe.
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"") v2: mode"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"") (latest)"`);
  });
});

describe('HTML', () => {
  const html = renderHtml(fixtureReport(), { toolbar: '<a href="/reports">back</a>' });

  it('has the four sections in order, a contents list and the integrity line', () => {
    const order = ['id="policy"', 'id="activity"', 'id="findings"', 'id="integrity"'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<nav class="toc"');
    expect(html).toContain('Audit-log chain intact: entries #1 to #12 verified');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('Dangerous commands executed: 1');
    expect(html).toContain('href="/dashboard/compliance?from=2026-11-02&amp;to=2026-11-04"');
  });

  it('prints like a report: page breaks per section, repeated headers, no toolbar', () => {
    expect(html).toMatch(/@media print\{[^]*section\{break-before:page\}/);
    expect(html).toContain('thead{display:table-header-group}');
    expect(html).toContain('.no-print{display:none!important}');
    expect(html).toContain('<div class="toolbar no-print"><a href="/reports">back</a></div>');
    expect((html.match(/<thead>/g) ?? []).length).toBeGreaterThan(8);
    expect(html).not.toContain('<script');
  });

  it('escapes names and draws time charts as vector bars', () => {
    expect(html).toContain('Payments &lt;script&gt;');
    expect(html).toContain(HOSTILE_TEMPLATE.replace(/"/g, '&quot;'));
    expect(html).toMatch(/<svg class="bars"[^>]*aria-label="Events by kind per day, peak 9"/);
    expect((html.match(/<rect /g) ?? []).length).toBe(6);
  });
});

describe('PDF', () => {
  it('opens, has a table of contents, page numbers and the report text; page 1 rendered to PNG', async () => {
    const pdf = await renderPdfBuffer(fixtureReport());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'fixture-report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // Cover + contents, then each of the four sections starts a page.
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Contents');
    for (const title of ['1. Policy in force', '2. What happened', '3. Findings', '4. Integrity']) expect(text.split(title).length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('a'.repeat(64));
    expect(text).toContain('Dangerous commands executed: 1');
    expect(text).toContain('rm -rf / · auto · deletes files');
    // The contents give each section's page: the policy section starts on page 2.
    expect(text).toMatch(/1\. Policy in force\s+2\b/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(OUT, 'fixture-report-page')]);
  });

  it('draws text the standard fonts cannot show as readable substitutes', () => {
    expect(pdfText('defaults ⊕ team → x\tvalue 日本')).toBe('defaults + team -> x value ??');
    expect(pdfText('“quoted” – dash · dot …')).toBe('“quoted” – dash · dot …');
  });
});
