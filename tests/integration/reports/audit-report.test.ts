import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as reportRoute from '@/app/api/v1/reports/audit/route';
import * as schemaRoute from '@/app/api/v1/reports/audit/schema.json/route';
import * as uploads from '@/app/api/v1/uploads/route';
import * as printable from '@/app/reports/audit/route';
import { CHART_IDS } from '@/lib/analytics/catalog';
import { getChart } from '@/lib/analytics/charts';
import { parseFilters } from '@/lib/analytics/filters';
import { getKpis } from '@/lib/analytics/kpis';
import { addDays, todayIn } from '@/lib/analytics/time';
import type { Actor } from '@/lib/auth/permissions';
import { transaction } from '@/lib/db/client';
import { downloadTemplate, recordDownload } from '@/lib/downloads/downloads';
import { buildAuditReport } from '@/lib/reports/build';
import { auditReportSchema, type AuditReport } from '@/lib/reports/model';
import { assignTeamPolicy, createTeam } from '@/lib/teams/teams';
import { createTemplate, saveTemplateVersion } from '@/lib/templates/templates';
import { api, registerRoutes, type RouteModule } from '../../helpers/api';
import { errorCode } from '../../helpers/http';
import { auditRows, createOrganizationWithMembers, createTokenFor, unique } from '../../helpers/factories';
import { sample } from '../ingest/helpers';
import { signInAs } from '../../helpers/session';

// The console's session (next-auth + cookies) as the other console tests provide it.
vi.mock('next-auth', async (importOriginal) => {
  const { serverSession } = await import('../../helpers/session');
  return { ...(await importOriginal<object>()), getServerSession: async () => serverSession() };
});
vi.mock('next/headers', async () => {
  const { session } = await import('../../helpers/session');
  return {
    cookies: async () => ({ get: (name: string) => (name === 'pilotlight-org' && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => {} }),
    headers: async () => new Headers(),
  };
});

registerRoutes([
  [/^\/api\/v1\/reports\/audit\/schema\.json$/, [], schemaRoute as RouteModule],
  [/^\/api\/v1\/reports\/audit$/, [], reportRoute as RouteModule],
  [/^\/api\/v1\/uploads$/, [], uploads as RouteModule],
]);

// The samples' period (tests/fixtures/samples/README.md).
const FROM = '2026-10-27';
const TO = '2026-11-09';
const HOSTILE = `=HYPERLINK("http://x","y") ${unique('t')}`;

interface Setup {
  orgId: string;
  auditor: Actor;
  reader: string;
  noScope: string;
  teamIds: Record<'payments' | 'web', string>;
  templateId: string;
  otherOrgTeam: string;
}
let s: Setup;

beforeAll(async () => {
  const org = await createOrganizationWithMembers();
  const editor = org.editor;
  // Slugs the samples name, so the ingestion files their records under these teams.
  const payments = await createTeam(editor, { name: 'Payments', slug: 'payments', environment: 'production' });
  const web = await createTeam(editor, { name: 'Web', slug: 'web', environment: 'development' });
  const template = await createTemplate(editor, { name: HOSTILE, settings: { mode: 'autopilot', trustedCommands: ['git status'] } });
  await saveTemplateVersion(editor, template.id, { settings: { mode: 'supervised', trustedCommands: ['git status', 'npm test'] }, note: 'ask first', baseVersion: 1 });
  await assignTeamPolicy(editor, payments.id, { templateId: template.id });
  const ci = await createTokenFor(org.admin, ['templates:read']);
  const download = await downloadTemplate(ci.actor, template.id, { format: 'kiro-ide' });
  await recordDownload(ci.actor, { type: 'policy_template', id: template.id }, download);
  const uploader = (await createTokenFor(org.admin, ['events:write'])).token;
  for (const file of ['telemetry.ndjson', 'prompt-log-chat.json', 'prompt-log-inline.json.gz', 'user-activity.csv']) {
    const res = await api('POST', '/api/v1/uploads', { token: uploader, rawBody: sample(file), headers: { 'x-filename': file } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const other = await createOrganizationWithMembers();
  s = {
    orgId: org.org.id,
    auditor: org.auditor,
    reader: (await createTokenFor(org.editor, ['reports:read'])).token,
    noScope: ci.token,
    teamIds: { payments: payments.id, web: web.id },
    templateId: template.id,
    otherOrgTeam: (await createTeam(other.editor, { name: 'Elsewhere', slug: unique('x'), environment: 'development' })).id,
  };
});

async function report(query: string, token = s.reader): Promise<{ status: number; body: AuditReport; response: Response }> {
  return (await api('GET', `/api/v1/reports/audit?${query}`, { token })) as { status: number; body: AuditReport; response: Response };
}

describe('the audit report equals the dashboards', () => {
  for (const scope of ['organization', 'team'] as const) {
    it(`for the ${scope} over the samples' period`, async () => {
      const team = scope === 'team' ? 'payments' : undefined;
      const res = await report(`from=${FROM}&to=${TO}&format=json${team ? `&team=${team}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const r = res.body;
      const { $schema: _schema, ...model } = r as AuditReport & { $schema?: string };
      expect(auditReportSchema.parse(model)).toBeTruthy();
      const filters = parseFilters({ from: FROM, to: TO, ...(team ? { team } : {}) });
      const kpis = await getKpis(s.auditor, filters);
      expect(r.activity.kpis.map((k) => [k.id, k.value, k.previous])).toEqual(kpis.map((k) => [k.id, k.change.current, k.change.previous]));
      expect(r.activity.kpis.find((k) => k.id === 'events')!.value).toBeGreaterThan(0);
      expect(r.activity.peopleActive).toBe(kpis.find((k) => k.id === 'active-users')!.change.current);
      for (const id of CHART_IDS) {
        const chart = await getChart(s.auditor, id, filters);
        expect(r.activity.charts.find((c) => c.id === id)!.series.map((x) => ({ name: x.name, data: x.data })), id).toEqual(chart.series);
      }
      const compliance = (await getChart(s.auditor, 'compliance', filters)).series;
      for (const f of r.findings.series) {
        const expected = compliance.find((x) => x.name === f.series)!.data.reduce((n, p) => n + (p.y ?? 0), 0);
        expect(f.count, f.series).toBe(expected);
        expect(f.examples.length).toBe(Math.min(expected, 5));
      }
      if (!team) expect(r.findings.series.find((f) => f.series === 'dangerous-commands')!.count).toBeGreaterThan(0);
      // Uploads happened today, not in the samples' period.
      expect(r.activity.uploads.total).toBe(0);
      expect(r.policy.teams.map((t) => t.team.slug)).toEqual(team ? ['payments'] : ['payments', 'web']);
      expect(r.params.team?.slug ?? null).toBe(team ?? null);
    });
  }

  it('never copies prompt text into the findings', async () => {
    const r = (await report(`from=${FROM}&to=${TO}&format=json`)).body;
    const secrets = r.findings.series.find((f) => f.series === 'secrets-in-prompts')!;
    for (const e of secrets.examples) expect(e.detail).toMatch(/^\d+ secret\(s\) masked/);
    expect(JSON.stringify(r)).not.toMatch(/"prompt"|"response"/);
  });

  it('gives the same data digest when built twice from the same data', async () => {
    const filters = parseFilters({ from: FROM, to: TO });
    const [a, b] = [await buildAuditReport(s.auditor, filters), await buildAuditReport(s.auditor, filters)];
    expect(a.integrity.dataSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.integrity.dataSha256).toBe(a.integrity.dataSha256);
  });
});

describe('the current period', () => {
  it('lists the versions with their diffs, the assignment change, the downloads and the uploads', async () => {
    const today = todayIn('UTC');
    const r = (await report(`from=${addDays(today, -6)}&to=${today}&format=json&team=payments`)).body;
    expect(r.policy.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(r.policy.versions[1]).toMatchObject({ templateName: HOSTILE, note: 'ask first' });
    expect(r.policy.versions[1]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'mode', kind: 'changed', before: 'autopilot', after: 'supervised' },
        { path: 'trustedCommands', kind: 'list', before: null, after: 'added: npm test' },
      ]),
    );
    expect(r.policy.assignments).toEqual([expect.objectContaining({ action: 'policy.team_assigned', target: 'Payments', before: '(none)', after: `${HOSTILE} (latest)` })]);
    expect(r.policy.teams[0]!.fields.find((f) => f.path === 'mode')).toEqual({ path: 'mode', label: 'Mode', value: 'supervised', origin: 'team' });
    expect(r.activity.downloads).toMatchObject({ total: 1, byFormatAndVersion: [{ format: 'kiro-ide', version: 2, count: 1 }] });
    expect(r.activity.downloads.byMachine[0]).toMatchObject({ actorType: 'token', target: `template ${HOSTILE}`, count: 1 });
    // The sample files hold several teams' records: they are filed under no team, so only the organization's report counts them.
    expect(r.activity.uploads.total).toBe(0);
    const org = (await report(`from=${addDays(today, -6)}&to=${today}&format=json`)).body;
    expect(org.activity.uploads).toMatchObject({ total: 4 });
    expect(org.activity.uploads.accepted).toBeGreaterThan(0);
    expect(r.integrity.chain.status).toBe('intact');
  });

  it('CSV neutralises the template named =HYPERLINK(...) and PDF is a PDF', async () => {
    const today = todayIn('UTC');
    const csv = await api('GET', `/api/v1/reports/audit?preset=7d&format=csv&team=payments`, { token: s.reader });
    expect(csv.status).toBe(200);
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.response.headers.get('content-disposition')).toContain(`audit-report-payments-${addDays(today, -6)}-${today}.csv`);
    const bytes = Buffer.from(await csv.response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const pdf = await api('GET', `/api/v1/reports/audit?preset=7d&format=pdf`, { token: s.reader });
    expect(pdf.status).toBe(200);
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports a row tampered with as a superuser as the first broken link', async () => {
    const { org, owner } = await createOrganizationWithMembers();
    await createTeam(owner, { name: 'A', slug: unique('a'), environment: 'development' });
    await createTeam(owner, { name: 'B', slug: unique('b'), environment: 'development' });
    const rows = await auditRows(org.id);
    await transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await tx.$executeRaw`UPDATE audit_log SET after = '{"name": "forged"}' WHERE id = ${rows[0]!.id}`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
    const r = await buildAuditReport(owner, parseFilters({ preset: '7d' }));
    expect(r.integrity.chain).toMatchObject({ status: 'broken', firstBreak: { seq: rows[0]!.seq, reason: 'content_changed' } });
  });
});

describe('GET /api/v1/reports/audit', () => {
  it('answers 401 without a token or session, 403 without the reports:read scope, 200 for a signed-in member', async () => {
    signInAs(null);
    expect((await report('format=json', '')).status).toBe(401);
    signInAs(s.auditor.userId);
    expect((await report(`from=${FROM}&to=${TO}&format=json`, '')).status).toBe(200);
    signInAs(null);
    const forbidden = await report('format=json', s.noScope);
    expect(forbidden.status).toBe(403);
    expect(errorCode(forbidden.body)).toBe('forbidden');
  });

  it("answers 404 for another organization's team and 400 for bad periods, writing nothing", async () => {
    const before = (await auditRows(s.orgId, 'report.generated')).length;
    expect((await report(`team=${s.otherOrgTeam}&format=json`)).status).toBe(404);
    const bad = await report('from=2026-13-01&to=2026-13-02');
    expect([bad.status, errorCode(bad.body)]).toEqual([400, 'validation_failed']);
    const reversed = await report('from=2026-11-09&to=2026-11-01');
    expect([reversed.status, errorCode(reversed.body)]).toEqual([400, 'invalid_range']);
    const long = await report('from=2025-01-01&to=2026-06-30');
    expect([long.status, errorCode(long.body)]).toEqual([400, 'range_too_long']);
    const format = await report('format=xlsx');
    expect([format.status, errorCode(format.body)]).toEqual([400, 'validation_failed']);
    expect((await auditRows(s.orgId, 'report.generated')).length).toBe(before);
  });

  it('writes report.generated with the parameters and the digest it answers with', async () => {
    const res = await report(`from=${FROM}&to=${TO}&team=web&format=html`);
    expect(res.status).toBe(200);
    expect(res.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.body as unknown as string).toContain('id="integrity"');
    const digest = res.response.headers.get('x-report-sha256');
    const rows = await auditRows(s.orgId, 'report.generated');
    const row = rows[rows.length - 1]!;
    expect(row).toMatchObject({ actorType: 'token', targetType: 'team', targetId: s.teamIds.web });
    expect(row.details).toMatchObject({ format: 'html', from: FROM, to: TO, tz: 'UTC', team: { slug: 'web' }, dataSha256: digest });
  });

  it('the printable view sends signed-out visitors to sign in and a refused period back to the form', async () => {
    signInAs(null);
    const out = await printable.GET(new Request('http://localhost/reports/audit?preset=7d&format=html'));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toContain('/login?callbackUrl=');
    signInAs(s.auditor.userId);
    const bad = await printable.GET(new Request('http://localhost/reports/audit?preset=custom&from=2026-11-09&to=2026-11-01&format=pdf'));
    expect(bad.status).toBe(303);
    const back = new URL(bad.headers.get('location')!);
    expect(back.pathname).toBe('/reports');
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ from: '2026-11-09', to: '2026-11-01', format: 'pdf', error: '`from` is after `to`.' });
    const ok = await printable.GET(new Request(`http://localhost/reports/audit?preset=custom&from=${FROM}&to=${TO}&format=html`));
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain('class="toolbar no-print"');
    expect(html).toContain(`/reports/audit?from=${FROM}&amp;to=${TO}&amp;format=pdf`);
    signInAs(null);
  });

  it('publishes the JSON Schema of the report', async () => {
    const res = await api('GET', '/api/v1/reports/audit/schema.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'object', title: 'Pilotlight audit report' });
  });
});
