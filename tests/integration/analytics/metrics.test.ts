import { beforeAll, describe, expect, it } from 'vitest';
import * as metrics from '@/app/api/v1/metrics/[chart]/route';
import * as records from '@/app/api/v1/metrics/[chart]/records/route';
import { CHART_IDS, type ChartId } from '@/lib/analytics/catalog';
import { getChart } from '@/lib/analytics/charts';
import { getKpis } from '@/lib/analytics/kpis';
import { getPolicyInsights } from '@/lib/analytics/insights';
import { parseFilters } from '@/lib/analytics/filters';
import type { Series } from '@/lib/analytics/prepare';
import type { Actor } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { api, registerRoutes, type RouteModule } from '../../helpers/api';
import { createOrganizationWithMembers, createTokenFor } from '../../helpers/factories';
import { sample } from '../ingest/helpers';

registerRoutes([
  [/^\/api\/v1\/metrics\/([^/]+)\/records$/, ['chart'], records as RouteModule],
  [/^\/api\/v1\/metrics\/([^/]+)$/, ['chart'], metrics as RouteModule],
]);

const RANGE = 'from=2026-10-27&to=2026-11-09';
const total = (series: Series[], name?: string) => series.filter((s) => !name || s.name === name).reduce((sum, s) => sum + s.data.reduce((n, p) => n + (p.y ?? 0), 0), 0);

interface Setup {
  orgId: string;
  auditor: Actor;
  editor: Actor;
  reader: string;
  editorToken: string;
  uploader: string;
  teams: Record<'payments' | 'web', string>;
}
let s: Setup;

async function createTeam(orgId: string, slug: string) {
  const { rows } = await getPool().query<{ id: string }>("INSERT INTO team (org_id, name, slug, environment) VALUES ($1, $2, $2, 'development') RETURNING id", [orgId, slug]);
  return rows[0]!.id;
}

async function upload(token: string, file: string) {
  const res = await api('POST', '/api/v1/uploads', { token, rawBody: sample(file), headers: { 'x-filename': file } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { accepted: number; uploadId?: string; id?: string };
}

async function chart(id: string, query = RANGE, token = s.reader) {
  const res = await api('GET', `/api/v1/metrics/${id}?${query}`, { token });
  return res as { status: number; body: { chart: string; bucket: string; from: string; to: string; series: Series[] } & Record<string, unknown> };
}

beforeAll(async () => {
  const org = await createOrganizationWithMembers();
  const teams = { payments: await createTeam(org.org.id, 'payments'), web: await createTeam(org.org.id, 'web') };
  s = {
    orgId: org.org.id,
    auditor: org.auditor,
    editor: org.editor,
    reader: (await createTokenFor(org.auditor, ['reports:read'])).token,
    editorToken: (await createTokenFor(org.editor, ['reports:read'])).token,
    uploader: (await createTokenFor(org.admin, ['events:write'])).token,
    teams,
  };
  // The real ingestion, through the uploads API.
  for (const file of ['telemetry.ndjson', 'prompt-log-chat.json', 'prompt-log-inline.json.gz', 'user-activity.csv']) await upload(s.uploader, file);
});

describe('GET /api/v1/metrics/{chart}', () => {
  it('totals equal the sample files’ documented counts after ingesting them', async () => {
    const events = await chart('telemetry-events');
    expect(events.status).toBe(200);
    expect(Object.keys(events.body).sort()).toEqual(['bucket', 'chart', 'from', 'series', 'to']);
    expect(events.body).toMatchObject({ chart: 'telemetry-events', bucket: 'day', from: '2026-10-27', to: '2026-11-09' });
    expect(total(events.body.series)).toBe(25);
    expect(total(events.body.series, 'command_executed')).toBe(8);
    expect(total((await chart('commands')).body.series)).toBe(8);
    const compliance = (await chart('compliance')).body.series;
    expect(total(compliance, 'dangerous-commands')).toBe(4);
    expect(total(compliance, 'privacy-findings')).toBe(1);
    const prompts = (await chart('prompts')).body.series;
    expect(total(prompts, 'chat')).toBe(6);
    expect(total(prompts, 'inline')).toBe(5);
    expect(total((await chart('trigger-types')).body.series)).toBe(11);
    expect((await chart('trigger-types')).body.series[0]!.data.filter((p) => p.y).length).toBeGreaterThanOrEqual(2);
    // 9 user-days of activity: the drill-down of the activity chart lists them day by day.
    let days = 0;
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
      const res = await api('GET', `/api/v1/metrics/activity/records?${RANGE}&x=${day}&series=chat%20messages`, { token: s.reader });
      expect(res.status).toBe(200);
      days += (res.body as { records: unknown[] }).records.length;
    }
    expect(days).toBe(9);
    expect(total((await chart('errors')).body.series)).toBe(5);
    expect(total((await chart('top-errors')).body.series)).toBe(5);
  });

  it('every chart id answers, and the rollups give exactly what the raw rows give', async () => {
    for (const id of CHART_IDS) {
      const res = await chart(id);
      expect(res.status, id).toBe(200);
      expect(res.body.chart).toBe(id);
      for (const series of res.body.series) for (const point of series.data) expect(typeof point.x).toBe('string');
      for (const query of [RANGE, `${RANGE}&bucket=week&tz=Europe/Berlin`, `from=2026-11-02&to=2026-11-02&bucket=hour&tz=America/New_York`]) {
        const filters = parseFilters(new URLSearchParams(query));
        const [rollup, raw] = await Promise.all([getChart(s.auditor, id, filters, { source: 'rollup' }), getChart(s.auditor, id, filters, { source: 'raw' })]);
        expect(rollup, `${id} ${query}`).toEqual(raw);
      }
    }
  });

  it('counts are 0 in empty buckets and percentiles are null there', async () => {
    const events = (await chart('telemetry-events')).body.series.find((x) => x.name === 'error')!;
    expect(events.data.find((p) => p.x === '2026-10-28')!.y).toBe(0);
    const perf = (await chart('performance')).body.series;
    expect(perf.length).toBeGreaterThan(0);
    expect(perf[0]!.data.find((p) => p.x === '2026-10-28')!.y).toBeNull();
    expect(perf[0]!.data.find((p) => p.x === '2026-11-02')!.y).toBeGreaterThan(0);
  });

  it('team, user and client filters change the totals to what the stored rows say', async () => {
    const pool = getPool();
    const count = async (where: string, params: unknown[]) =>
      Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM telemetry_event WHERE org_id = $1 AND ${where}`, [s.orgId, ...params])).rows[0]!.n);
    const payments = await count('team_id = $2', [s.teams.payments]);
    expect(payments).toBeGreaterThan(0);
    expect(payments).toBeLessThan(25);
    expect(total((await chart('telemetry-events', `${RANGE}&team=payments`)).body.series)).toBe(payments);
    expect(total((await chart('telemetry-events', `${RANGE}&team=${s.teams.web}`)).body.series)).toBe(await count('team_id = $2', [s.teams.web]));
    const alice = await count('user_key = $2', ['alice@example.com']);
    expect(total((await chart('telemetry-events', `${RANGE}&user=alice@example.com`)).body.series)).toBe(alice);
    expect(total((await chart('compliance', `${RANGE}&user=carol@example.com`)).body.series, 'dangerous-commands')).toBe(
      await count(`user_key = $2 AND dangerous AND decision <> 'denied'`, ['carol@example.com']),
    );
    expect(total((await chart('telemetry-events', `${RANGE}&client=kiro-ide`)).body.series)).toBe(await count('client = $2', ['kiro-ide']));
    expect(total((await chart('telemetry-events', `${RANGE}&client=nothing-like-it`)).body.series)).toBe(0);
    const clients = (await chart('clients')).body.series[0]!.data;
    expect(clients.find((p) => p.x === 'kiro-ide@0.9.2')!.y).toBeGreaterThan(0);
  });

  it('401 without a token, 403 without reports:read, 404 for unknown charts and another organization’s team, 400 for bad ranges', async () => {
    expect((await api('GET', `/api/v1/metrics/errors?${RANGE}`, { token: null })).status).toBe(401);
    const other = await createOrganizationWithMembers();
    const noScope = (await createTokenFor(other.auditor, ['templates:read'])).token;
    expect((await api('GET', `/api/v1/metrics/errors?${RANGE}`, { token: noScope })).status).toBe(403);
    const unknown = await chart('nope');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('telemetry-events');
    expect((unknown.body as unknown as { error: { details: { charts: string[] } } }).error.details.charts).toEqual([...CHART_IDS]);
    const otherTeam = await createTeam(other.org.id, 'payments');
    expect((await chart('errors', `${RANGE}&team=${otherTeam}`)).status).toBe(404);
    expect((await chart('errors', `${RANGE}&team=no-such-team`)).status).toBe(404);
    const otherReader = (await createTokenFor(other.auditor, ['reports:read'])).token;
    expect(total((await chart('telemetry-events', RANGE, otherReader)).body.series)).toBe(0);
    const long = await chart('errors', 'from=2025-01-01&to=2026-11-01');
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('400 days');
    const hours = await chart('errors', 'from=2026-09-01&to=2026-11-01&bucket=hour');
    expect(hours.status).toBe(400);
    expect(JSON.stringify(hours.body)).toContain('31 days');
    expect((await chart('errors', 'from=2026-13-01')).status).toBe(400);
    expect((await chart('errors', `${RANGE}&tz=Nowhere/City`)).status).toBe(400);
  });
});

describe('drill-down', () => {
  it('lists the dangerous commands of a (week) bucket with user, team, rule and upload, paginated', async () => {
    const first = await api('GET', `/api/v1/metrics/compliance/records?${RANGE}&x=2026-11-02&series=dangerous-commands&limit=3&bucket=week`, { token: s.reader });
    expect(first.status).toBe(200);
    const page = first.body as { records: Record<string, unknown>[]; nextCursor: string | null; source: string };
    expect(page.source).toBe('telemetry');
    expect(page.records).toHaveLength(3);
    expect(page.records[0]).toMatchObject({ user: expect.stringContaining('@example.com'), upload: 'telemetry.ndjson', detail: expect.stringContaining('rm -rf') });
    expect((page.records[0]!.flagged as string[]).length).toBeGreaterThan(0);
    expect(['payments', 'web']).toContain(page.records[0]!.team);
    const next = await api('GET', `/api/v1/metrics/compliance/records?${RANGE}&x=2026-11-02&series=dangerous-commands&limit=3&bucket=week&cursor=${page.nextCursor}`, { token: s.reader });
    const rest = next.body as { records: Record<string, unknown>[]; nextCursor: string | null };
    expect(rest.records).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...page.records, ...rest.records].map((r) => r.time)).size).toBe(4);
  });

  it('an auditor sees prompt text; an editor without prompts:read never does', async () => {
    const url = `/api/v1/metrics/prompts/records?${RANGE}&x=2026-11-02&series=chat`;
    const auditor = (await api('GET', url, { token: s.reader })).body as { records: Record<string, unknown>[]; promptTextHidden: boolean };
    expect(auditor.records.length).toBe(6);
    expect(auditor.records.some((r) => typeof r.prompt === 'string' && r.prompt.length > 0)).toBe(true);
    expect(auditor.promptTextHidden).toBe(false);
    const editorRes = await api('GET', url, { token: s.editorToken });
    expect(editorRes.status).toBe(200);
    const editor = editorRes.body as { records: Record<string, unknown>[]; promptTextHidden: boolean; columns: { key: string }[] };
    expect(editor.records.length).toBe(6);
    expect(editor.promptTextHidden).toBe(true);
    expect(editor.columns.map((c) => c.key)).not.toContain('prompt');
    for (const r of editor.records) {
      expect(r).not.toHaveProperty('prompt');
      expect(r).not.toHaveProperty('response');
    }
    const prompts = auditor.records.map((r) => String(r.prompt ?? '')).filter((t) => t.length > 8);
    const text = JSON.stringify(editorRes.body);
    for (const prompt of prompts) expect(text).not.toContain(prompt.slice(0, 20));
    // The editor still sees charts.
    expect((await chart('prompts', RANGE, s.editorToken)).status).toBe(200);
  });

  it('refuses a bucket outside the range and an unknown chart', async () => {
    expect((await api('GET', `/api/v1/metrics/errors/records?${RANGE}&x=2020-01-01`, { token: s.reader })).status).toBe(400);
    expect((await api('GET', `/api/v1/metrics/nope/records?${RANGE}&x=a`, { token: s.reader })).status).toBe(404);
  });
});

describe('KPIs and insights', () => {
  it('the tiles compare with the previous period of the same length', async () => {
    const kpis = await getKpis(s.auditor, parseFilters(new URLSearchParams(RANGE)));
    const byId = Object.fromEntries(kpis.map((k) => [k.id, k.change]));
    expect(byId.events).toMatchObject({ current: 25, previous: 0, direction: 'up' });
    expect(byId['dangerous-commands']!.current).toBe(4);
    expect(byId.errors!.current).toBe(5);
    expect(byId['active-users']!.current).toBeGreaterThanOrEqual(3);
    expect(byId['p95-latency']!.current).toBeGreaterThan(0);
    const later = await getKpis(s.auditor, parseFilters(new URLSearchParams('from=2026-11-10&to=2026-11-23')));
    expect(later.find((k) => k.id === 'events')!.change).toMatchObject({ current: 0, previous: 25, ratio: -1, direction: 'down' });
  });

  it('policy insights list the teams with what they ran against their policy', async () => {
    const insights = await getPolicyInsights(s.auditor, parseFilters(new URLSearchParams(RANGE)));
    expect(insights.map((i) => i.team.name).sort()).toEqual(['payments', 'web']);
    for (const team of insights) {
      // rm -rf … | sh is never a candidate for trust: it does not lint clean.
      expect(team.trustCandidates.map((c) => c.command).join()).not.toContain('rm -rf');
    }
  });
});

describe('dashboard rollups kept by triggers', () => {
  it('follow deletes of an upload exactly', async () => {
    const org = await createOrganizationWithMembers();
    await createTeam(org.org.id, 'payments');
    const uploader = (await createTokenFor(org.admin, ['events:write', 'reports:read'])).token;
    const res = await api('POST', '/api/v1/uploads', { token: uploader, rawBody: sample('telemetry.ndjson'), headers: { 'x-filename': 'telemetry.ndjson' } });
    const id = (res.body as { id?: string; uploadId?: string }).id ?? (res.body as { uploadId?: string }).uploadId;
    const sums = async () => {
      const { rows } = await getPool().query<{ c: string; t: string }>(
        `SELECT (SELECT coalesce(sum(events), 0) FROM client_version_hourly WHERE org_id = $1) AS c,
                (SELECT coalesce(sum(events), 0) FROM telemetry_text_daily WHERE org_id = $1) AS t`,
        [org.org.id],
      );
      return { c: Number(rows[0]!.c), t: Number(rows[0]!.t) };
    };
    expect(await sums()).toEqual({ c: 25, t: 13 });
    const dim = await getPool().query<{ n: string }>(`SELECT sum(events) AS n FROM telemetry_dim_daily WHERE org_id = $1 AND dim = 'kind'`, [org.org.id]);
    expect(Number(dim.rows[0]!.n)).toBe(25);
    expect((await api('DELETE', `/api/v1/uploads/${id}`, { token: uploader })).status).toBeLessThan(300);
    expect(await sums()).toEqual({ c: 0, t: 0 });
    const { rows } = await getPool().query(
      ['client_version_hourly', 'telemetry_text_daily', 'telemetry_dim_daily', 'latency_daily', 'command_daily'].map((t) => `SELECT 1 FROM ${t} WHERE org_id = $1`).join(' UNION ALL '),
      [org.org.id],
    );
    expect(rows).toHaveLength(0);
  });
});

export type { ChartId };
